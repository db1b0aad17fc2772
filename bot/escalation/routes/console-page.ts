// GET /engineers: the embedded engineers' console (tickets, a ticket's packet, actions, a chat box relayed to the
// user), so the whole handoff can be tried with no Teams. The page holds no data: it asks for the API key and
// reads everything through the tickets API.
import type { Request, Response, Server } from 'restify';
import { newNonce, sendHtml } from '../../reports/index.js';
import { CONSOLE_SCRIPT } from './console-script.js';

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:0;display:flex;min-height:100vh}nav{width:30%;border-right:1px solid #ccc;padding:1em;box-sizing:border-box}
main{flex:1;padding:1em}ul{padding-left:1.2em}nav ul{list-style:none;padding:0}nav button{width:100%;text-align:left;margin:2px 0}
#messages li.from-engineer{color:#064}#messages li.from-user{color:#036}label{display:block;margin:.3em 0}input,textarea{width:95%}
section h3{margin:.8em 0 .2em}#status{color:#555}`;

export function consolePage(nonce: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Engineers' console</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${nonce}">${CSS}</style></head>
<body><nav><h1>Tickets</h1>
<label>API key <input id="api-key" type="password" autocomplete="off"></label>
<label>Your name <input id="engineer-name" autocomplete="name"></label>
<p id="status" role="status"></p><ul id="tickets"></ul></nav>
<main><div id="detail" hidden><h2 id="ticket-title"></h2><p id="ticket-summary"></p>
<div><button id="take">Take</button> <button id="wait">Waiting for user</button> <button id="close">Close</button></div>
<label>Cause (knowledge-base id, or "new") <input id="cause"></label><label>Note <input id="note"></label><button id="resolve">Resolve</button>
<h3>Chat with the user</h3><ul id="messages" aria-live="polite"></ul>
<form id="chat"><textarea id="chat-text" rows="3" aria-label="Message to the user"></textarea><button type="submit" id="send">Send</button></form>
<div id="packet"></div></div></main>
<script nonce="${nonce}">${CONSOLE_SCRIPT}</script></body></html>`;
}

export function registerConsolePage(server: Server): void {
  server.get('/engineers', async (_req: Request, res: Response) => {
    const nonce = newNonce();
    sendHtml(res, 200, consolePage(nonce), {
      csp: `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      extra: { 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'x-robots-tag': 'noindex, nofollow' },
    });
  });
}

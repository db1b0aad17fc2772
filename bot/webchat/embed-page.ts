// GET /chat/embed: the one-line snippets another site pastes (a <script> that adds an iframe, or the iframe itself),
// filled in with this bot's address, and what the site's origin needs in WEBCHAT_EMBED_ORIGINS.
import { escapeHtml } from '../reports/index.js';

export function embedSnippets(baseUrl: string): { script: string; iframe: string } {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    script: `<script src="${base}/webchat/embed.js" data-accent="#0f6cbd" data-theme="light" data-height="600px" async></script>`,
    iframe: `<iframe src="${base}/chat?embed=1" title="IIS identity support chat" style="width:100%;height:600px;border:0" allow="clipboard-write"></iframe>`,
  };
}

export function renderEmbedPage(baseUrl: string, embedOrigins: readonly string[]): string {
  const { script, iframe } = embedSnippets(baseUrl);
  const allowed = embedOrigins.length
    ? embedOrigins.map((o) => `<code>${escapeHtml(o)}</code>`).join(', ')
    : 'none yet (only this bot itself)';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Embed the support chat</title><link rel="stylesheet" href="/webchat/chat.css"></head>
<body class="doc"><main>
<h1>Embed the support chat</h1>
<p>Paste one of these lines into any page. Theming: <code>data-accent</code> (hex colour), <code>data-theme</code> (<code>light</code> or <code>dark</code>), <code>data-title</code>, <code>data-height</code>; or the same as query parameters on the iframe URL (<code>?embed=1&amp;accent=%23c50f1f&amp;theme=dark</code>).</p>
<h2>Script (adds an iframe where it stands)</h2><pre><code>${escapeHtml(script)}</code></pre>
<h2>Iframe</h2><pre><code>${escapeHtml(iframe)}</code></pre>
<p>Browsers only show the chat inside sites whose origin is listed in <code>WEBCHAT_EMBED_ORIGINS</code> (comma-separated, e.g. <code>https://intranet.contoso.com</code>). Allowed now: ${allowed}.</p>
</main></body></html>`;
}

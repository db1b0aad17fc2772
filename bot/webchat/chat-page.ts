// GET /chat: the Web Chat page. Server-rendered shell; the Web Chat bundle and the page script are same-origin
// static files, and the page's settings travel as escaped JSON (no inline script, so the CSP forbids all others).
import { escapeHtml, jsonForScript } from '../reports/index.js';
import type { ChatTheme } from './theme.js';

export interface ChatPageConfig {
  theme: ChatTheme;
  /** Where the page gets its Direct Line token. */
  tokenUrl: string;
  /** Per-file upload cap the page checks before sending (Direct Line's 4 MB). */
  maxUploadBytes: number;
  /** Shown instead of the chat when web chat cannot work in this configuration. */
  unavailable?: string;
}

export function renderChatPage(config: ChatPageConfig): string {
  const { theme } = config;
  const settings = {
    tokenUrl: config.tokenUrl,
    maxUploadBytes: config.maxUploadBytes,
    accent: theme.accent,
    mode: theme.mode,
    title: theme.title,
    unavailable: config.unavailable,
  };
  const classes = [`mode-${theme.mode}`, theme.embed ? 'embed' : ''].filter(Boolean).join(' ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(theme.title)}</title>
<link rel="stylesheet" href="/webchat/chat.css">
</head>
<body class="${escapeHtml(classes)}">
${theme.embed ? '' : `<header class="chat-header"><h1>${escapeHtml(theme.title)}</h1><p>Describe the failure, paste an error code, or attach a FREB trace, IIS log, event-log export or web.config (up to 4 MB per file; zip bigger folders).</p></header>`}
<div id="chat-status" class="chat-status" role="status" aria-live="polite">${config.unavailable ? escapeHtml(config.unavailable) : 'Connecting…'}</div>
<main id="webchat" class="webchat" aria-label="Chat with the support bot"></main>
<noscript>The chat needs JavaScript. You can also use the command line: npm run --silent cli -- diagnose --text "...".</noscript>
<script type="application/json" id="webchat-config">${jsonForScript(settings)}</script>
<script src="/webchat/webchat.js"></script>
<script src="/webchat/chat.js"></script>
</body></html>`;
}

// Wiring for the web chat pages: /chat, /chat/embed and their static files.
import type { Request, Response, Server } from 'restify';
import type { DirectLineMode } from '../directline/index.js';
import { MAX_UPLOAD_FILE_BYTES } from '../directline/index.js';
import { sendHtml } from '../reports/index.js';
import { renderChatPage } from './chat-page.js';
import { renderEmbedPage } from './embed-page.js';
import { assetRoute, loadAsset, publicAssetPath, webChatBundlePath } from './static-assets.js';
import { resolveTheme, type ThemeDefaults } from './theme.js';

export interface WebChatRoutesDeps {
  /** From registerDirectLineRoutes(...).mode: decides what the page connects to and its CSP. */
  directLine: { mode: DirectLineMode };
  /** WEBCHAT_TITLE / WEBCHAT_ACCENT / WEBCHAT_THEME. */
  theme?: ThemeDefaults;
  /** WEBCHAT_EMBED_ORIGINS: sites allowed to frame /chat. */
  embedOrigins?: readonly string[];
  /** PUBLIC_BASE_URL, for the snippets on /chat/embed; defaults to the address the request came to. */
  publicBaseUrl?: string;
}

function connectSources(mode: DirectLineMode): string {
  if (mode.kind !== 'cloud') return "'self' blob:";
  const https = new URL(mode.client.endpoint ?? 'https://directline.botframework.com/v3/directline').origin;
  // Web Chat streams over WebSockets from the same host.
  return `'self' blob: ${https} ${https.replace(/^https:/, 'wss:')}`;
}

function chatCsp(mode: DirectLineMode, embedOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Web Chat styles its components at run time (emotion), so inline styles must be allowed; scripts may not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src ${connectSources(mode)}`,
    `frame-ancestors 'self'${embedOrigins.map((o) => ` ${o}`).join('')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function requestBaseUrl(req: Request): string {
  const secure = (req as Request & { isSecure?: () => boolean }).isSecure?.() ?? false;
  return `${secure ? 'https' : 'http'}://${req.header('host') ?? 'localhost'}`;
}

export function registerWebChatRoutes(server: Server, deps: WebChatRoutesDeps): void {
  const embedOrigins = deps.embedOrigins ?? [];
  const mode = deps.directLine.mode;
  server.get('/chat', async (req: Request, res: Response) => {
    const theme = resolveTheme(new URL(req.url ?? '/', 'http://x').searchParams, deps.theme);
    const body = renderChatPage({
      theme,
      tokenUrl: '/api/directline/token',
      maxUploadBytes: MAX_UPLOAD_FILE_BYTES,
      unavailable: mode.kind === 'disabled' ? mode.reason : undefined,
    });
    sendHtml(res, mode.kind === 'disabled' ? 503 : 200, body, {
      csp: chatCsp(mode, embedOrigins),
      extra: { 'cache-control': 'no-store' },
    });
  });
  server.get('/chat/embed', async (req: Request, res: Response) => {
    sendHtml(res, 200, renderEmbedPage(deps.publicBaseUrl ?? requestBaseUrl(req), embedOrigins), {
      csp: "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      extra: { 'cache-control': 'no-store' },
    });
  });
  server.get(
    '/webchat/webchat.js',
    assetRoute(() => loadAsset(webChatBundlePath(), 'text/javascript; charset=utf-8'), 86_400),
  );
  server.get(
    '/webchat/chat.js',
    assetRoute(() => loadAsset(publicAssetPath('chat.js'), 'text/javascript; charset=utf-8'), 300),
  );
  server.get(
    '/webchat/chat.css',
    assetRoute(() => loadAsset(publicAssetPath('chat.css'), 'text/css; charset=utf-8'), 300),
  );
  // The embed loader runs on other sites: it must be fetchable cross-origin (it carries no data).
  const embed = assetRoute(
    () => loadAsset(publicAssetPath('embed.js'), 'text/javascript; charset=utf-8'),
    300,
  );
  server.get('/webchat/embed.js', async (req: Request, res: Response) => {
    res.header('cross-origin-resource-policy', 'cross-origin');
    await embed(req, res);
  });
}

// A plain, static text page (privacy statement, terms of use) with the security headers every page of this bot
// carries: no scripts at all, one inline style allowed by nonce, public and cacheable.
import type { Request, Response } from 'restify';
import { html, newNonce, raw, sendHtml, type RawHtml } from '../reports/index.js';

export interface TextPage {
  title: string;
  /** The page's content, built with the `html` tag (so every interpolated value is escaped). */
  body: RawHtml;
}

// Trusted constant: passed through raw() because escaping would break its quotes.
const CSS = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem}code{background:#f3f3f3;padding:0 .2em}`;

export function renderTextPage(page: TextPage, nonce: string): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<style nonce="${nonce}">${raw(CSS)}</style>
</head>
<body>
<h1>${page.title}</h1>
${page.body}
</body>
</html>
`.toString();
}

/** A restify handler serving one text page (async: restify 11 requires `next` of synchronous handlers). */
export function textPageRoute(page: TextPage): (req: Request, res: Response) => Promise<void> {
  return async (_req, res) => {
    const nonce = newNonce();
    sendHtml(res, 200, renderTextPage(page, nonce), {
      csp: `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      extra: { 'cache-control': 'public, max-age=3600' },
    });
  };
}

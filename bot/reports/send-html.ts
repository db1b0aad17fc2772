// Sends a server-rendered page with the security headers every page of this bot carries. Bypasses restify's
// formatters (they have none for text/html) by writing the raw response.
import { randomBytes } from 'node:crypto';
import type { Response } from 'restify';

export interface PageHeaders {
  /** The full Content-Security-Policy for this page. */
  csp: string;
  /** Extra headers (cache policy, framing). */
  extra?: Record<string, string>;
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function sendHtml(res: Response, status: number, body: string, headers: PageHeaders): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(bytes.length),
    'content-security-policy': headers.csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers.extra,
  });
  res.end(bytes);
}

// Helpers for structured inputs (HAR headers, cookies, query strings) where the field name says what is secret.
import { REDACTED, bump } from './placeholder.js';
import { redactText } from './redact-text.js';

const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);
const KEY_HEADERS = new Set(['x-api-key', 'ocp-apim-subscription-key', 'x-auth-token', 'x-functions-key', 'x-ms-token-aad-id-token']);
const SECRET_PARAM = /^(access_token|id_token|refresh_token|token|code|sig|signature|key|apikey|api_key|api-key|subscription-key|client_secret|secret|password|passwd|pwd|auth|session|sessionid|ticket|assertion|samlresponse|samlrequest)$/i;

/** True when a header's whole value is secret (its name alone says so). */
export function isSensitiveHeader(name: string): boolean {
  const n = name.toLowerCase();
  return AUTH_HEADERS.has(n) || COOKIE_HEADERS.has(n) || KEY_HEADERS.has(n);
}

/** True when a query parameter or form field of this name holds a secret. */
export function isSecretParam(name: string): boolean {
  return SECRET_PARAM.test(name);
}

/** Redacts one header value by name: Authorization keeps its scheme word, cookies and keys go entirely. */
export function redactHeaderValue(name: string, value: string, counts: Record<string, number>): string {
  const n = name.toLowerCase();
  if (AUTH_HEADERS.has(n)) {
    const m = /^\s*([A-Za-z][\w-]*)\s+\S/.exec(value);
    if (value.trim() === '' || value.includes(REDACTED)) return value;
    bump(counts, 'authorization header');
    return m ? `${m[1]} ${REDACTED}` : REDACTED;
  }
  if (COOKIE_HEADERS.has(n) || KEY_HEADERS.has(n)) {
    if (value.trim() === '' || value === REDACTED) return value;
    bump(counts, COOKIE_HEADERS.has(n) ? 'cookie' : 'api key header');
    return REDACTED;
  }
  const r = redactText(value);
  for (const [k, v] of Object.entries(r.counts)) bump(counts, k, v);
  return r.text;
}

/** Redacts secret query parameters and user:password@ of a URL (and anything else redactText finds). */
export function redactUrl(url: string, counts: Record<string, number>): string {
  const r = redactText(url);
  for (const [k, v] of Object.entries(r.counts)) bump(counts, k, v);
  return r.text;
}

// Turns one raw W3C line into a safe excerpt: secret query parameters and cookies go before redactText runs,
// because W3C writes the query without its leading "?" (so "code=..." would not look like a URL parameter).
import { REDACTED, bump, redactText } from '../redact/index.js';
import type { FieldMap } from './fields.js';

export const EXCERPT_CHARS = 400;

/** A line worth citing: where it is, what it said, and the #Fields block it was read with. */
export interface CitedLine {
  line: number;
  raw: string;
  fields: FieldMap;
}

/** Redacts a W3C data line field by field, then as text; counts go into `counts`. */
export function redactW3cLine(raw: string, fields: FieldMap, counts: Record<string, number>): string {
  const parts = raw.split(' ');
  const query = fields.col('cs-uri-query');
  if (query >= 0 && parts[query] && parts[query] !== '-') {
    const r = redactText('?' + parts[query]);
    parts[query] = r.text.slice(1);
    for (const [k, v] of Object.entries(r.counts)) bump(counts, k, v);
  }
  for (const name of ['cs(cookie)', 'sc(set-cookie)', 'cs(authorization)']) {
    const c = fields.col(name);
    if (c >= 0 && parts[c] && parts[c] !== '-' && parts[c] !== REDACTED) {
      parts[c] = REDACTED;
      bump(counts, name === 'cs(authorization)' ? 'authorization header' : 'cookie');
    }
  }
  const r = redactText(parts.join(' '));
  for (const [k, v] of Object.entries(r.counts)) bump(counts, k, v);
  return r.text;
}

/** The excerpt of a cited line, capped. */
export function excerptOf(c: CitedLine, counts: Record<string, number>): string {
  const text = redactW3cLine(c.raw, c.fields, counts);
  return text.length > EXCERPT_CHARS ? text.slice(0, EXCERPT_CHARS) + '…' : text;
}

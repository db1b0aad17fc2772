// HAR 1.2 exports from browser developer tools: failed requests, the auth schemes offered and sent, and the text of
// error pages. Blobs in Authorization headers are classified, never kept.
import type { Evidence } from '../../types.js';
import { bump, redactUrl } from '../redact/index.js';
import { parseText } from '../text/index.js';
import { IngestError, type ParsedFile } from '../types.js';
import { analyzeHar, offeredOf } from './analyze.js';
import { entryViews, harLog, headerValues, type HarEntryView } from './har-shape.js';
import { MAX_REDACTED_HAR_CHARS, redactHar } from './redact-har.js';
import { authorizationScheme } from '../redact/index.js';

/** Error bodies longer than this are read only in part (a YSOD states its cause at the top). */
const MAX_BODY_CHARS = 64 * 1024;

export function parseHar(file: string, data: Buffer | string): ParsedFile {
  let json: unknown;
  try {
    json = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch (err) {
    throw new IngestError(file, `${file}: not valid JSON (${(err as Error).message.slice(0, 120)})`);
  }
  const log = harLog(file, json);
  const entries = entryViews(log.entries);
  const counts: Record<string, number> = {};
  const evidence: Evidence[] = [];
  const where = (e: HarEntryView) => ({ file, path: `log.entries[${e.index}]` });
  // Excerpts repeat what redactedText already counted: count their removals separately.
  const line = (e: HarEntryView) => excerpt(e, {});

  const statuses = new Map<number, { first: HarEntryView; count: number }>();
  for (const e of entries) {
    if (e.status < 400) continue;
    const s = statuses.get(e.status) ?? { first: e, count: 0 };
    s.count++;
    statuses.set(e.status, s);
  }
  for (const [status, s] of statuses) {
    evidence.push({ kind: 'status', key: 'http.status', value: `${status}.0`, source: where(s.first), excerpt: line(s.first), attrs: { count: String(s.count), url: redactUrl(s.first.url, {}) } });
  }
  for (const hit of analyzeHar(entries)) {
    evidence.push({ kind: hit.kind, key: hit.key, value: hit.value, source: where(hit.entry), excerpt: line(hit.entry), attrs: hit.attrs });
  }
  for (const e of entries) {
    if (e.status < 400 || !e.body || !/text|html|json|xml/i.test(e.mimeType || 'text')) continue;
    const body = parseText(file, e.body.slice(0, MAX_BODY_CHARS), `log.entries[${e.index}].response.content.text`);
    for (const [k, v] of Object.entries(body.redactions)) bump(counts, k, v);
    evidence.push(...body.evidence);
  }

  const safe = JSON.stringify(redactHar(json, counts), null, 1);
  const failed = entries.filter((e) => e.status >= 400 || e.status === 0).length;
  const patterns = evidence.filter((e) => e.kind === 'pattern').map((e) => e.value);
  return {
    format: 'har',
    evidence,
    summary: `HAR: ${entries.length} requests, ${failed} failed${patterns.length ? `; patterns: ${patterns.join(', ')}` : ''}`,
    redactedText: safe.length > MAX_REDACTED_HAR_CHARS ? safe.slice(0, MAX_REDACTED_HAR_CHARS) + '\n[... truncated]' : safe,
    redactions: counts,
  };
}

/** "GET https://host/path -> 401 Unauthorized; WWW-Authenticate: Negotiate,NTLM; Authorization: NTLM (56 bytes)". */
function excerpt(e: HarEntryView, counts: Record<string, number>): string {
  const parts = [`${e.method} ${redactUrl(e.url, counts)} -> ${e.status}${e.statusText ? ' ' + e.statusText : ''}`];
  const offered = offeredOf(e);
  if (offered.length) parts.push(`WWW-Authenticate: ${offered.join(',')}`);
  for (const auth of headerValues(e.requestHeaders, 'Authorization')) parts.push(`Authorization: ${authorizationScheme(auth)} (${auth.length} bytes)`);
  const text = parts.join('; ');
  return text.length > 400 ? text.slice(0, 400) + '…' : text;
}

// Streaming parser for IIS W3C extended logs: one pass, bounded memory, evidence per FACTS.md.
import type { Evidence } from '../../types.js';
import { canonicalCode } from '../../codes/index.js';
import type { ParsedFile } from '../types.js';
import { excerptOf, redactW3cLine, type CitedLine } from './excerpt.js';
import { FieldMap, decodeValue, directive } from './fields.js';
import { forEachLine, oneChunk } from './lines.js';
import { detectPatterns } from './patterns.js';
import { W3cStats, type W3cRequest } from './stats.js';

export type ProgressFn = (bytesDone: number) => void;

/** How much redacted text is kept for display; huge logs keep only their head. */
const REDACTED_TEXT_CHARS = 256 * 1024;
/** Most w3c.user facts emitted (the busiest users first). */
const MAX_USER_FACTS = 50;

// IIS writes the default field set when a file has no #Fields line (seen in pasted excerpts).
const DEFAULT_FIELDS =
  'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';

/** Parses a W3C log from a stream of chunks; never holds the whole file. */
export async function parseW3cStream(
  file: string,
  lines: AsyncIterable<Buffer | string>,
  onProgress?: ProgressFn,
): Promise<ParsedFile> {
  const stats = new W3cStats();
  const counts: Record<string, number> = {};
  let fields = new FieldMap(DEFAULT_FIELDS.split(' '));
  let cols = columns(fields);
  let software = '';
  let textChars = 0;
  let truncated = false;
  const kept: string[] = [];
  const picked: (string | undefined)[] = [];
  const req: W3cRequest = { status: '', sub: '', win32: '', stem: '', user: '', clientIp: '', serverIp: '', line: 0, raw: '', fields };

  await forEachLine(
    lines,
    (raw, lineNo) => {
      if (textChars < REDACTED_TEXT_CHARS) {
        const safe = raw.startsWith('#') ? raw : redactW3cLine(raw, fields, counts);
        kept.push(safe);
        textChars += safe.length + 1;
      } else truncated = true;
      const d = directive(raw);
      if (d !== null) {
        if (d === 'fields') {
          fields = FieldMap.fromHeader(raw);
          cols = columns(fields);
        } else if (d === 'software' && !software) software = raw.slice(raw.indexOf(':') + 1).trim();
        return;
      }
      if (raw.length === 0) return;
      // Only the needed columns are cut out (no split of all ~15 fields): this loop is the hot path of a 1 GB log.
      const status = pickFields(raw, cols.wanted, picked) ? picked[cols.status] : undefined;
      // Lines without a numeric status are damaged (truncated writes): skip rather than guess.
      if (status === undefined || status.length !== 3 || !isDigits(status)) return;
      req.status = status;
      req.sub = decodeValue(picked[cols.sub]);
      req.win32 = decodeValue(picked[cols.win32]);
      req.stem = decodeValue(picked[cols.stem]);
      req.user = decodeValue(picked[cols.user]);
      req.clientIp = decodeValue(picked[cols.cip]);
      req.serverIp = decodeValue(picked[cols.sip]);
      req.line = lineNo;
      req.raw = raw;
      req.fields = fields;
      stats.add(req);
    },
    onProgress,
  );

  const evidence = toEvidence(file, stats, counts);
  if (truncated) kept.push(`[... only the first ${REDACTED_TEXT_CHARS / 1024} KB are shown]`);
  return {
    format: 'w3c',
    evidence,
    summary: summarize(stats, evidence, software),
    redactedText: kept.join('\n'),
    redactions: counts,
  };
}

/** Convenience for a log already in memory. */
export function parseW3c(file: string, data: Buffer | string, onProgress?: ProgressFn): Promise<ParsedFile> {
  return parseW3cStream(file, oneChunk(data), onProgress);
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Sets `out[i]` to the i-th space-separated field of the line for each wanted column (sorted), undefined past its end. */
function pickFields(line: string, wanted: number[], out: (string | undefined)[]): boolean {
  let start = 0;
  let col = 0;
  for (let k = 0; k < wanted.length; k++) {
    const want = wanted[k];
    while (col < want && start !== -1) {
      const sp = line.indexOf(' ', start);
      start = sp === -1 ? -1 : sp + 1;
      col++;
    }
    if (start === -1) {
      out[want] = undefined;
      continue;
    }
    const end = line.indexOf(' ', start);
    out[want] = end === -1 ? line.slice(start) : line.slice(start, end);
    // The space that ends this field starts the next one: no second search for it.
    start = end === -1 ? -1 : end + 1;
    col = want + 1;
  }
  return true;
}

function columns(f: FieldMap) {
  const c = {
    status: f.col('sc-status'),
    sub: f.col('sc-substatus'),
    win32: f.col('sc-win32-status'),
    stem: f.col('cs-uri-stem'),
    user: f.col('cs-username'),
    cip: f.col('c-ip'),
    sip: f.col('s-ip'),
  };
  // Fields a block does not log point at a column that is never filled (undefined reads as empty).
  const wanted = [...new Set(Object.values(c).filter((i) => i >= 0))].sort((a, b) => a - b);
  const missing = 10_000;
  const fix = (i: number) => (i >= 0 ? i : missing);
  return { status: fix(c.status), sub: fix(c.sub), win32: fix(c.win32), stem: fix(c.stem), user: fix(c.user), cip: fix(c.cip), sip: fix(c.sip), wanted };
}

function toEvidence(file: string, s: W3cStats, counts: Record<string, number>): Evidence[] {
  const out: Evidence[] = [];
  const src = (c: CitedLine) => ({ file, line: c.line });
  const byLine = <T extends { first: CitedLine }>(xs: Iterable<T>): T[] => [...xs].sort((a, b) => a.first.line - b.first.line);

  for (const st of byLine(s.statuses.values())) {
    const attrs: Record<string, string> = { count: String(st.count) };
    if (st.win32 !== '') attrs.win32 = st.win32;
    out.push({ kind: 'status', key: 'http.status', value: `${st.status}.${st.sub}`, source: src(st.first), excerpt: excerptOf(st.first, counts), attrs });
  }
  for (const [win32, c] of [...s.codes.entries()].sort((a, b) => a[1].first.line - b[1].first.line)) {
    const canonical = canonicalCode(win32, 'win32');
    // An unknown value is still cited through its status evidence (attrs.win32).
    if (!canonical) continue;
    out.push({ kind: 'code', key: 'code', value: canonical, source: src(c.first), excerpt: excerptOf(c.first, counts), attrs: { count: String(c.count), win32 } });
  }
  for (const hit of detectPatterns(s)) {
    out.push({ kind: 'pattern', key: 'pattern', value: hit.id, source: src(hit.cite), excerpt: excerptOf(hit.cite, counts), attrs: hit.attrs });
  }
  const users = [...s.users.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, MAX_USER_FACTS);
  for (const [user, u] of users) {
    out.push({ kind: 'fact', key: 'w3c.user', value: user, source: src(u.first), excerpt: excerptOf(u.first, counts), attrs: { count: String(u.count) } });
  }
  return out;
}

function summarize(s: W3cStats, evidence: Evidence[], software: string): string {
  if (s.requests === 0) return `W3C log${software ? ` (${software})` : ''}: no requests`;
  const top = [...s.statuses.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 4)
    .map((st) => `${st.status}.${st.sub}${st.win32 && st.win32 !== '0' ? ` win32 ${st.win32}` : ''} ×${st.count}`);
  const patterns = evidence.filter((e) => e.kind === 'pattern').map((e) => e.value);
  return `W3C log: ${s.requests} requests; ${top.join(', ')}${patterns.length ? `; patterns: ${patterns.join(', ')}` : ''}`;
}

// Streaming parser for HTTP.sys error logs (HTTPERR): requests refused before IIS saw them, so they never appear
// in W3C or FREB. s-reason says why (AppOffline when the pool is stopped, FieldLength when a Kerberos header is too long).
import type { Evidence } from '../../types.js';
import { bump, redactText } from '../redact/index.js';
import type { ParsedFile } from '../types.js';
import { BoundedMap, FieldMap, decodeValue, directive, forEachLine, oneChunk, type ProgressFn } from '../w3c/index.js';

const DEFAULT_FIELDS = 'date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename';
const REDACTED_TEXT_CHARS = 256 * 1024;
const EXCERPT_CHARS = 400;

const OFFLINE_REASONS = new Set(['appoffline', 'disabled', 'connection_abandoned_by_apppool', 'apppoolshutdown']);
const TOO_LONG_REASONS = new Set(['fieldlength', 'requestlength', 'url']);

interface Cited {
  line: number;
  raw: string;
}

interface ReasonStat {
  count: number;
  statuses: Map<string, number>;
  first: Cited;
  queue: string;
}

interface PatternAcc {
  count: number;
  reasons: Set<string>;
  queues: Set<string>;
  first?: Cited;
}

const newAcc = (): PatternAcc => ({ count: 0, reasons: new Set(), queues: new Set() });

export async function parseHttpErrStream(
  file: string,
  lines: AsyncIterable<Buffer | string>,
  onProgress?: ProgressFn,
): Promise<ParsedFile> {
  const counts: Record<string, number> = {};
  const reasons = new BoundedMap<string, ReasonStat>(200);
  const statuses = new BoundedMap<string, { count: number; first: Cited }>(100);
  const offline = newAcc();
  const tooLong = newAcc();
  let fields = new FieldMap(DEFAULT_FIELDS.split(' '));
  let records = 0;
  let textChars = 0;
  const kept: string[] = [];
  const safe = (s: string): string => {
    const r = redactText(s);
    for (const [k, v] of Object.entries(r.counts)) bump(counts, k, v);
    return r.text;
  };

  await forEachLine(
    lines,
    (raw, line) => {
      if (textChars < REDACTED_TEXT_CHARS) {
        const t = safe(raw);
        kept.push(t);
        textChars += t.length + 1;
      }
      const d = directive(raw);
      if (d === 'fields') fields = FieldMap.fromHeader(raw);
      if (d !== null || raw.trim() === '') return;
      const p = raw.split(' ');
      records++;
      const status = decodeValue(p[fields.col('sc-status')]);
      const reason = decodeValue(p[fields.col('s-reason')]);
      const queue = decodeValue(p[fields.col('s-queuename')]);
      if (/^\d{3}$/.test(status)) {
        const s = statuses.upsert(status, () => ({ count: 0, first: { line, raw } }));
        if (s) s.count++;
      }
      if (reason) {
        const r = reasons.upsert(reason, () => ({ count: 0, statuses: new Map(), first: { line, raw }, queue }));
        if (r) {
          r.count++;
          if (status) r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
        }
        const lower = reason.toLowerCase();
        const acc = OFFLINE_REASONS.has(lower) && (status === '503' || status === '') ? offline : TOO_LONG_REASONS.has(lower) && (status === '400' || status === '414') ? tooLong : null;
        if (acc) {
          acc.count++;
          if (acc.reasons.size < 10) acc.reasons.add(reason);
          if (queue && acc.queues.size < 10) acc.queues.add(queue);
          acc.first ??= { line, raw };
        }
      }
    },
    onProgress,
  );

  const excerpt = (c: Cited): string => {
    const t = safe(c.raw);
    return t.length > EXCERPT_CHARS ? t.slice(0, EXCERPT_CHARS) + '…' : t;
  };
  const evidence: Evidence[] = [];
  for (const [status, s] of statuses.entries()) {
    evidence.push({ kind: 'status', key: 'http.status', value: `${status}.0`, source: { file, line: s.first.line }, excerpt: excerpt(s.first), attrs: { count: String(s.count) } });
  }
  for (const [reason, r] of reasons.entries()) {
    const top = [...r.statuses.entries()].sort((a, b) => b[1] - a[1])[0];
    const attrs: Record<string, string> = { count: String(r.count), status: top ? top[0] : '' };
    if (r.queue) attrs.queue = r.queue;
    evidence.push({ kind: 'fact', key: 'httperr.reason', value: reason, source: { file, line: r.first.line }, excerpt: excerpt(r.first), attrs });
  }
  for (const [id, acc] of [['httperr.app-offline', offline], ['httperr.header-too-long', tooLong]] as const) {
    if (!acc.first) continue;
    const attrs: Record<string, string> = { count: String(acc.count), reasons: [...acc.reasons].join(',') };
    if (acc.queues.size) attrs.queues = [...acc.queues].join(',');
    evidence.push({ kind: 'pattern', key: 'pattern', value: id, source: { file, line: acc.first.line }, excerpt: excerpt(acc.first), attrs });
  }
  const topReasons = [...reasons.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 4).map(([k, r]) => `${k} ×${r.count}`);
  return {
    format: 'httperr',
    evidence,
    summary: `HTTPERR log: ${records} entries${topReasons.length ? `; ${topReasons.join(', ')}` : ''}`,
    redactedText: kept.join('\n') + (textChars >= REDACTED_TEXT_CHARS ? `\n[... only the first ${REDACTED_TEXT_CHARS / 1024} KB are shown]` : ''),
    redactions: counts,
  };
}

export function parseHttpErr(file: string, data: Buffer | string, onProgress?: ProgressFn): Promise<ParsedFile> {
  return parseHttpErrStream(file, oneChunk(data), onProgress);
}

// Streaming parser for IIS W3C extended logs: one pass, bounded memory, evidence per FACTS.md.
import type { Evidence } from '../../types.js';
import { canonicalCode } from '../../codes/index.js';
import type { ParsedFile } from '../types.js';
import { excerptOf, type CitedLine } from './excerpt.js';
import { oneChunk } from './lines.js';
import { detectPatterns } from './patterns.js';
import { REDACTED_TEXT_CHARS, readW3c, type ProgressFn } from './read-w3c.js';
import type { W3cStats } from './stats.js';

export type { ProgressFn } from './read-w3c.js';
/** Most w3c.user facts emitted (the busiest users first). */
const MAX_USER_FACTS = 50;

/** Parses a W3C log from a stream of chunks; never holds the whole file. */
export async function parseW3cStream(
  file: string,
  lines: AsyncIterable<Buffer | string>,
  onProgress?: ProgressFn,
): Promise<ParsedFile> {
  const { stats, software, kept, truncated, redactions: counts } = await readW3c(lines, onProgress);
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

function toEvidence(file: string, s: W3cStats, counts: Record<string, number>): Evidence[] {
  const out: Evidence[] = [];
  const src = (c: CitedLine) => ({ file, line: c.line });
  const byLine = <T extends { first: CitedLine }>(xs: Iterable<T>): T[] =>
    [...xs].sort((a, b) => a.first.line - b.first.line);

  for (const st of byLine(s.statuses.values())) {
    const attrs: Record<string, string> = { count: String(st.count) };
    if (st.win32 !== '') attrs.win32 = st.win32;
    out.push({
      kind: 'status',
      key: 'http.status',
      value: `${st.status}.${st.sub}`,
      source: src(st.first),
      excerpt: excerptOf(st.first, counts),
      attrs,
    });
  }
  for (const [win32, c] of [...s.codes.entries()].sort((a, b) => a[1].first.line - b[1].first.line)) {
    const canonical = canonicalCode(win32, 'win32');
    // An unknown value is still cited through its status evidence (attrs.win32).
    if (!canonical) continue;
    out.push({
      kind: 'code',
      key: 'code',
      value: canonical,
      source: src(c.first),
      excerpt: excerptOf(c.first, counts),
      attrs: { count: String(c.count), win32 },
    });
  }
  for (const hit of detectPatterns(s)) {
    out.push({
      kind: 'pattern',
      key: 'pattern',
      value: hit.id,
      source: src(hit.cite),
      excerpt: excerptOf(hit.cite, counts),
      attrs: hit.attrs,
    });
  }
  const users = [...s.users.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, MAX_USER_FACTS);
  for (const [user, u] of users) {
    out.push({
      kind: 'fact',
      key: 'w3c.user',
      value: user,
      source: src(u.first),
      excerpt: excerptOf(u.first, counts),
      attrs: { count: String(u.count) },
    });
  }
  return out;
}

function summarize(s: W3cStats, evidence: Evidence[], software: string): string {
  if (s.requests === 0) return `W3C log${software ? ` (${software})` : ''}: no requests`;
  const top = [...s.statuses.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 4)
    .map(
      (st) =>
        `${st.status}.${st.sub}${st.win32 && st.win32 !== '0' ? ` win32 ${st.win32}` : ''} ×${st.count}`,
    );
  const patterns = evidence.filter((e) => e.kind === 'pattern').map((e) => e.value);
  return `W3C log: ${s.requests} requests; ${top.join(', ')}${patterns.length ? `; patterns: ${patterns.join(', ')}` : ''}`;
}

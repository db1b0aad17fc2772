// Plain text the user pasted or uploaded: error pages, stack traces, PowerShell output. It is redacted first and
// every fact is read from the redacted text, so excerpts can be shown as they are.
import type { Evidence } from '../../types.js';
import { findCodes } from '../../codes/index.js';
import { redactText } from '../redact/index.js';
import type { ParsedFile } from '../types.js';
import { CUES, IGNORED_EXCEPTIONS, STATUS_PATTERNS } from './cues.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { proseFacts } from './prose-facts.js';
import { readToolOutput } from './tools/index.js';
import { eventEvidence } from '../eventlog/evidence.js';
import { mayHoldEventText, readEventText, type TextEvent } from '../eventlog/text-events.js';
import { representativeEvents, summarisedNote, withRepeats } from '../eventlog/representative.js';
import { configFragments } from '../config/fragment.js';
import { parseConfig } from '../config/parse-config.js';

const EXCERPT_RADIUS = 80;
/** Longest text analysed; the rest of a huge paste adds nothing but time. */
export const MAX_TEXT_CHARS = 2 * 1024 * 1024;
const MAX_EVIDENCE = 300;

interface Found {
  kind: Evidence['kind'];
  key: string;
  value: string;
  line: number;
  excerpt: string;
  count: number;
}

/** Evidence from text; `path` is set when the text came from inside a structured file (a HAR response body). */
export function parseText(file: string, input: Buffer | string, path?: string): ParsedFile {
  const raw = typeof input === 'string' ? input : input.toString('utf8');
  const html = looksLikeHtml(raw);
  const plain = html ? htmlToText(raw) : raw;
  const capped = plain.length > MAX_TEXT_CHARS ? plain.slice(0, MAX_TEXT_CHARS) : plain;
  const { text, counts } = redactText(capped);
  const found = new Map<string, Found>();
  const at = (line?: number): Evidence['source'] => ({ file, ...(line !== undefined ? { line } : {}), ...(path ? { path } : {}) });
  const note = (kind: Evidence['kind'], key: string, value: string, line: number, lineText: string, at: number): void => {
    const id = `${kind}|${key}|${value.toLowerCase()}`;
    const f = found.get(id);
    if (f) f.count++;
    else if (found.size < MAX_EVIDENCE) found.set(id, { kind, key, value, line, excerpt: around(lineText, at), count: 1 });
  };

  const tools = readToolOutput(text);
  // Events copied as text (Event Viewer, wevtutil /f:text, Get-WinEvent) count as events, cited by their first line;
  // their "Label: value" rows are the event's fields, so "Logon ID: 0x5C1A3F2" is not taken for an error code.
  const events = mayHoldEventText(text) ? readEventText(text) : [];
  const eventFieldLines = new Set(events.flatMap((e) => e.fieldLines));
  text.split(/\r?\n/).forEach((lineText, i) => {
    const line = i + 1;
    // A tool's rows are read by its reader ("Ticket Flags 0x40e10000" is not an error code).
    if (lineText.trim() === '' || tools.rows.has(line)) return;
    if (!eventFieldLines.has(line)) {
      for (const m of findCodes(lineText)) {
        const family = m.decoded.family;
        if (family === 'http') {
          const s = /([1-5]\d\d)(?:\.(\d{1,3}))?/.exec(m.input);
          if (s) note('status', 'http.status', `${s[1]}.${s[2] ?? '0'}`, line, lineText, m.start);
        } else if (family !== 'event') note('code', 'code', m.decoded.canonical, line, lineText, m.start);
      }
      for (const re of STATUS_PATTERNS) {
        for (const m of lineText.matchAll(re)) note('status', 'http.status', `${m[1]}.${m[2] ?? '0'}`, line, lineText, m.index ?? 0);
      }
    }
    for (const cue of CUES) {
      for (const m of lineText.matchAll(cue.re)) {
        const value = cue.value ?? (m[1] ?? m[0]).trim();
        if (cue.key === 'text.exception' && IGNORED_EXCEPTIONS.has(value)) continue;
        note('fact', cue.key, value, line, lineText, m.index ?? 0);
      }
    }
  });

  const evidence: Evidence[] = [...found.values()].map((f) => ({
    kind: f.kind,
    key: f.key,
    value: f.value,
    source: at(f.line),
    excerpt: f.excerpt,
    // "mentions", not "count": a count on a status means a tally over a log's lines (FACTS.md), and an error page or
    // a pasted exception describes one request.
    attrs: { mentions: String(f.count) },
  }));
  evidence.push(...textEventEvidence(file, events, at), ...quotedConfigEvidence(file, text, at));
  for (const f of tools.facts) evidence.push({ kind: 'fact', key: f.key, value: f.value, source: at(f.line), excerpt: f.excerpt, ...(f.attrs ? { attrs: { ...f.attrs } } : {}) });
  const lines = text.split(/\r?\n/);
  for (const f of proseFacts(tools.prose ?? text)) {
    evidence.push({ kind: 'fact', key: f.key, value: f.value, source: at(f.line), excerpt: around(lines[f.line - 1] ?? '', f.at), ...(f.attrs ? { attrs: f.attrs } : {}) });
  }
  const secrets = Object.entries(counts).filter(([k]) => /password/.test(k));
  if (secrets.length) {
    evidence.push({
      kind: 'fact',
      key: 'secrets.plaintext-credentials',
      value: 'true',
      source: at(),
      excerpt: 'a plaintext password was found and removed',
      attrs: { where: path ?? 'text' },
    });
  }
  return {
    format: 'text',
    evidence,
    summary: summarize(html, evidence, events.length),
    redactedText: text,
    redactions: counts,
  };
}

/** The events of the text as evidence, a big export bounded to representative events (eventlog/representative.ts). */
function textEventEvidence(file: string, events: TextEvent[], at: (line?: number) => Evidence['source']): Evidence[] {
  const out: Evidence[] = [];
  const { kept, dropped, counts } = representativeEvents(events.map((e) => e.event));
  const lineOf = new Map(events.map((e) => [e.event, e.line]));
  kept.forEach((event, i) => {
    for (const e of withRepeats(eventEvidence(file, event), counts[i])) out.push({ ...e, source: at(lineOf.get(event)) });
  });
  if (dropped > 0) out.push(summarisedNote(file, events.length, kept.length, dropped));
  return out;
}

/** Configuration quoted in the text (a <system.webServer> section, `<identity impersonate="true" />`), cited at its line. */
function quotedConfigEvidence(file: string, text: string, at: (line?: number) => Evidence['source']): Evidence[] {
  const out: Evidence[] = [];
  for (const fragment of configFragments(text)) {
    let parsed: ParsedFile;
    try {
      parsed = parseConfig(file, Buffer.from(fragment.xml, 'utf8'));
    } catch {
      continue; // a tag in prose that is not well-formed XML: the words still count as words
    }
    for (const e of parsed.evidence) out.push({ ...e, source: at(fragment.line + (e.source.line ?? 1) - 1) });
  }
  return out;
}

function around(line: string, at: number): string {
  const from = Math.max(0, at - EXCERPT_RADIUS);
  const to = Math.min(line.length, at + EXCERPT_RADIUS * 2);
  return `${from > 0 ? '…' : ''}${line.slice(from, to).trim()}${to < line.length ? '…' : ''}`;
}

function summarize(html: boolean, evidence: Evidence[], events: number): string {
  const pick = (k: string) => [...new Set(evidence.filter((e) => e.key === k).map((e) => e.value))].slice(0, 3);
  const eventPart = events > 0 ? [`${events} ${events === 1 ? 'event' : 'events'} (${pick('event').join(', ')})`] : [];
  const parts = [...eventPart, ...pick('http.status').map((s) => `HTTP ${s}`), ...pick('code'), ...pick('text.exception')];
  return `${html ? 'Error page' : 'Text'}${parts.length ? `: ${parts.join(', ')}` : ': no codes or errors recognised'}`;
}

// Reads an IIS W3C extended log: the WebAssembly reader counts every line; this feeds it, keeps the log's head as
// redacted text, follows #Fields blocks, and collects the lines it reports for citation.
import { redactW3cLine } from './excerpt.js';
import { FieldMap, decodeValue, directive } from './fields.js';
import { W3cStats, emptyCites } from './stats.js';
import { RECORD, TOTAL, WasmScanner, type ScanRecord } from './wasm-scanner.js';

export type ProgressFn = (bytesDone: number) => void;

/** How much redacted text is kept for display; huge logs keep only their head. */
export const REDACTED_TEXT_CHARS = 256 * 1024;

// IIS writes the default field set when a file has no #Fields line (seen in pasted excerpts).
const DEFAULT_FIELDS =
  'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';

/** What a read of a W3C log gives: its statistics and its head as redacted text. */
export interface W3cRead {
  stats: W3cStats;
  software: string;
  /** The head of the log, redacted, one entry per line. */
  kept: string[];
  /** More lines followed the kept head. */
  truncated: boolean;
  redactions: Record<string, number>;
}

/** Reads a W3C log from a stream of chunks in one pass; never holds the whole file. */
export async function readW3c(
  lines: AsyncIterable<Buffer | string>,
  onProgress?: ProgressFn,
): Promise<W3cRead> {
  const scanner = WasmScanner.acquire();
  try {
    return await readWith(scanner, lines, onProgress);
  } finally {
    scanner.release();
  }
}

async function readWith(
  scanner: WasmScanner,
  lines: AsyncIterable<Buffer | string>,
  onProgress?: ProgressFn,
): Promise<W3cRead> {
  const counts: Record<string, number> = {};
  let fields = new FieldMap(DEFAULT_FIELDS.split(' '));
  let software = '';
  let textChars = 0;
  let keptLines = 0;
  const kept: string[] = [];
  scanner.configure(fields);
  const cites = emptyCites();

  const keep = (raw: string): void => {
    if (textChars >= REDACTED_TEXT_CHARS) return;
    const safe = raw.startsWith('#') ? raw : redactW3cLine(raw, fields, counts);
    kept.push(safe);
    keptLines++;
    textChars += safe.length + 1;
    // Past the head, the reader stops reporting lines for their text.
    if (textChars >= REDACTED_TEXT_CHARS) scanner.setKeepText(false);
  };
  const cite = (r: ScanRecord) => ({ line: r.line, raw: r.text(), fields });

  const onRecord = (r: ScanRecord): void => {
    switch (r.kind) {
      case RECORD.keep:
        return keep(r.text());
      case RECORD.directive: {
        const raw = r.text();
        keep(raw);
        const d = directive(raw);
        if (d === 'fields') {
          fields = FieldMap.fromHeader(raw);
          scanner.configure(fields);
        } else if (d === 'software' && !software) software = raw.slice(raw.indexOf(':') + 1).trim();
        return;
      }
      case RECORD.long: {
        const raw = r.text();
        keep(raw);
        return scanner.addLongLine(raw, r.line, onRecord);
      }
      case RECORD.triple:
        cites.triples[r.aux] = cite(r);
        return;
      case RECORD.user:
        cites.users[r.aux] = cite(r);
        return;
      case RECORD.clientFailure:
        cites.clientFailures[r.aux] = cite(r);
        return;
      case RECORD.first500:
        cites.first500 = cite(r);
        return;
      case RECORD.firstIndexOk:
        cites.firstIndexSuccess = cite(r);
        cites.indexExample = decodeValue(r.stemText()) || '/';
        return;
      case RECORD.firstOther500:
        cites.firstNonIndex500 = cite(r);
        cites.failureExample = decodeValue(r.stemText());
        return;
      case RECORD.first401x1:
        cites.first401x1 = cite(r);
        return;
      case RECORD.firstHandshake:
        cites.firstHandshake = cite(r);
        return;
    }
  };

  let bytes = 0;
  let sinceReport = 0;
  for await (const chunk of lines) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += data.length;
    sinceReport += data.length;
    scanner.feed(data, onRecord);
    if (onProgress && sinceReport >= 1 << 20) {
      sinceReport = 0;
      onProgress(bytes);
    }
  }
  scanner.feed(null, onRecord);
  onProgress?.(bytes);
  const stats = W3cStats.fromScanner(scanner, cites);
  return { stats, software, kept, truncated: scanner.totals()[TOTAL.lines] > keptLines, redactions: counts };
}

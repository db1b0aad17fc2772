// Ingestion: files in (Buffers or streams), redacted Evidence out. Detects each file's format by content, hands it
// to its parser, and turns every per-file failure into an error naming the file while the other files go on.
import type { Evidence, FileError } from '../types.js';
import { collectCapped, decodeAny, detectFormat, DETECT_BYTES, encodingOf, peekStream, toUtf8 } from './detect/index.js';
import { parseConfig } from './config/index.js';
import { parseEventLogXml } from './eventlog/index.js';
import { parseFreb } from './freb/index.js';
import { parseHar } from './har/index.js';
import { parseHttpErr, parseHttpErrStream } from './httperr/index.js';
import { mergeCounts, redactText } from './redact/index.js';
import { parseText } from './text/index.js';
import { IngestError, type DetectedFormat, type IngestInput, type IngestOptions, type IngestResult, type ParsedFile } from './types.js';
import { parseW3c, parseW3cStream } from './w3c/index.js';
import { DEFAULT_ZIP_LIMITS, readZip } from './zip/index.js';

export * from './types.js';
export { redactText, type RedactedText } from './redact/index.js';
export { detectFormat, type Detection } from './detect/index.js';
export { parseW3c, parseW3cStream } from './w3c/index.js';
export { parseHttpErr, parseHttpErrStream } from './httperr/index.js';
export { parseHar } from './har/index.js';
export { parseText } from './text/index.js';
export { readZip } from './zip/index.js';
export { parseFreb } from './freb/index.js';
export { parseEventLogXml } from './eventlog/index.js';
export { parseConfig } from './config/index.js';

const MB = 1024 * 1024;
export const DEFAULT_MAX_FILE_BYTES = 50 * MB;

/** Evidence from the text a user typed into the chat. */
export function ingestText(text: string, source = 'message'): ParsedFile {
  return parseText(source, text);
}

/** Reads every input; never throws for a bad file (see result.errors). */
export async function ingestFiles(inputs: IngestInput[], opts: IngestOptions = {}): Promise<IngestResult> {
  const result: IngestResult = { files: [], evidence: [], errors: [], timelines: [] };
  for (const input of inputs) {
    try {
      if (input.stream) await ingestStream(input.name, input.stream, input.size, opts, result);
      else if (input.data) await ingestBuffer(input.name, input.data, opts, result);
      else throw new IngestError(input.name, `${input.name}: no content was received`);
    } catch (err) {
      result.errors.push(toFileError(input.name, err));
    }
  }
  return result;
}

async function ingestStream(
  name: string,
  src: AsyncIterable<Buffer | string>,
  size: number | undefined,
  opts: IngestOptions,
  result: IngestResult,
): Promise<void> {
  const { head, stream } = await peekStream(src, DETECT_BYTES);
  const { format } = detectFormat(head);
  // Big logs are parsed as they stream in; everything else is small enough to hold.
  if ((format === 'w3c' || format === 'httperr') && encodingOf(head) === 'utf8') {
    const progress = (done: number) => opts.onProgress?.(name, done, size);
    const parsed = format === 'w3c' ? await parseW3cStream(name, stream, progress) : await parseHttpErrStream(name, stream, progress);
    record(name, format, size ?? 0, parsed, result);
    return;
  }
  const cap = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (size !== undefined && size > cap) throw overCap(name, size, cap);
  const data = await collectCapped(stream, cap, (soFar) => overCap(name, soFar, cap, true));
  await ingestBuffer(name, data, opts, result);
}

async function ingestBuffer(name: string, data: Buffer, opts: IngestOptions, result: IngestResult): Promise<void> {
  const cap = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (data.length > cap) throw overCap(name, data.length, cap);
  const detection = detectFormat(data.subarray(0, DETECT_BYTES));
  if (detection.format === 'unknown') throw new IngestError(name, `${name}: ${detection.problem ?? 'not a format I can read'}`);
  if (detection.format === 'zip') {
    await ingestZip(name, data, opts, result);
    return;
  }
  opts.onProgress?.(name, 0, data.length);
  const parsed = await parse(detection.format, name, toUtf8(data));
  opts.onProgress?.(name, data.length, data.length);
  record(name, detection.format, data.length, parsed, result);
}

async function ingestZip(name: string, data: Buffer, opts: IngestOptions, result: IngestResult): Promise<void> {
  const limits = {
    ...DEFAULT_ZIP_LIMITS,
    maxTotalBytes: opts.maxZipUncompressedBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes,
    maxEntries: opts.maxZipEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxEntryBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  };
  let read = 0;
  let problems = 0;
  for (const item of readZip(name, data, limits)) {
    if (item.kind === 'error') {
      problems++;
      result.errors.push(toFileError(item.error.file, new IngestError(item.error.file, item.error.message)));
      continue;
    }
    read++;
    // One entry at a time: the zip reader inflates lazily, so only this entry is in memory.
    try {
      await ingestBuffer(item.name, item.data, { ...opts, maxFileBytes: limits.maxEntryBytes }, result);
    } catch (err) {
      problems++;
      result.errors.push(toFileError(item.name, err));
    }
  }
  result.files.push({ name, format: 'zip', bytes: data.length, summary: `zip: ${read} files read${problems ? `, ${problems} problems` : ''}`, redactions: {} });
}

async function parse(format: DetectedFormat, name: string, data: Buffer): Promise<ParsedFile> {
  switch (format) {
    case 'freb':
      return parseFreb(name, data);
    case 'eventlog-xml':
      return parseEventLogXml(name, data);
    case 'config':
      return parseConfig(name, data);
    case 'w3c':
      return parseW3c(name, data);
    case 'httperr':
      return parseHttpErr(name, data);
    case 'har':
      return parseHar(name, data);
    case 'text':
      return parseText(name, decodeAny(data));
    default:
      throw new IngestError(name, `${name}: not a format I can read`);
  }
}

/** Adds one parsed file to the result, passing every string through redactText once more as a safety net. */
function record(name: string, format: DetectedFormat, bytes: number, parsed: ParsedFile, result: IngestResult): void {
  const counts = { ...parsed.redactions };
  const scrub = (s: string): string => {
    const r = redactText(s);
    mergeCounts(counts, r.counts);
    return r.text;
  };
  const evidence: Evidence[] = parsed.evidence.map((e) => ({
    ...e,
    value: scrub(e.value),
    excerpt: scrub(e.excerpt),
    ...(e.attrs ? { attrs: Object.fromEntries(Object.entries(e.attrs).map(([k, v]) => [k, scrub(v)])) } : {}),
  }));
  result.evidence.push(...evidence);
  result.files.push({
    name,
    format,
    bytes,
    summary: scrub(parsed.summary),
    ...(parsed.redactedText !== undefined ? { redactedText: scrub(parsed.redactedText) } : {}),
    redactions: counts,
  });
  if (parsed.timeline) result.timelines.push(parsed.timeline);
}

function overCap(name: string, bytes: number, cap: number, atLeast = false): IngestError {
  const size = `${(bytes / MB).toFixed(1)} MB`;
  const limit = cap % MB === 0 ? `${cap / MB} MB` : `${(cap / MB).toFixed(1)} MB`;
  return new IngestError(name, `${name}: ${atLeast ? 'more than ' : ''}${size} is over the ${limit} limit`);
}

/** Every failure as {file, message}: the message names the file and carries no secret. */
function toFileError(file: string, err: unknown): FileError {
  const raw = err instanceof Error ? err.message : String(err);
  const named = err instanceof IngestError ? raw : `${file}: could not be read (${raw})`;
  const message = redactText(named.startsWith(file) ? named : `${file}: ${named}`).text;
  return { file: err instanceof IngestError ? err.file : file, message };
}

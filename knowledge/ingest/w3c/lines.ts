// Splits a stream of chunks into lines without ever holding more than one chunk plus one partial line.
import { StringDecoder } from 'node:string_decoder';

export type LineHandler = (line: string, lineNo: number) => void;

/** Longest line kept whole; longer lines (junk, binary) are cut so one line cannot exhaust memory. */
export const MAX_LINE_CHARS = 64 * 1024;

/** Calls `onLine` for every line (CRLF or LF, the terminator removed) and `onBytes` with bytes read so far. */
export async function forEachLine(
  src: AsyncIterable<Buffer | string>,
  onLine: LineHandler,
  onBytes?: (bytesDone: number) => void,
): Promise<{ lines: number; bytes: number }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNo = 0;
  let bytes = 0;
  let sinceReport = 0;
  // One slice per line: the "\r" of CRLF and the length cap are applied to the bounds before cutting.
  const emit = (text: string, start: number, end: number): void => {
    lineNo++;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end - start > MAX_LINE_CHARS) end = start + MAX_LINE_CHARS;
    onLine(text.slice(start, end), lineNo);
  };
  for await (const chunk of src) {
    const n = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    bytes += n;
    sinceReport += n;
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let start = 0;
    let nl = text.indexOf('\n', start);
    while (nl !== -1) {
      emit(text, start, nl);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    rest = text.slice(start);
    // A line with no end in sight is junk: keep its head only.
    if (rest.length > MAX_LINE_CHARS * 2) rest = rest.slice(0, MAX_LINE_CHARS);
    if (onBytes && sinceReport >= 1 << 20) {
      sinceReport = 0;
      onBytes(bytes);
    }
  }
  rest += decoder.end();
  if (rest.length > 0) emit(rest, 0, rest.length);
  onBytes?.(bytes);
  return { lines: lineNo, bytes };
}

/** Wraps a Buffer (or string) as a one-chunk stream. */
export async function* oneChunk(data: Buffer | string): AsyncIterable<Buffer | string> {
  yield data;
}

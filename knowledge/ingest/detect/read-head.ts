// Detection needs the first bytes of a stream; the parser then needs the whole stream again. peekStream reads
// just enough chunks and hands back a stream that replays them before the rest.
import { DETECT_BYTES } from './detect-format.js';

export interface Peeked {
  head: Buffer;
  /** The full stream, starting again from its first byte. */
  stream: AsyncIterable<Buffer | string>;
}

export async function peekStream(src: AsyncIterable<Buffer | string>, bytes = DETECT_BYTES): Promise<Peeked> {
  const it = src[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    seen.push(b);
    size += b.length;
  }
  const head = Buffer.concat(seen, size);
  async function* replay(): AsyncIterable<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    }
  }
  return { head, stream: replay() };
}

/** Reads a whole stream into memory, refusing (with `onOver`) once it passes `cap` bytes. */
export async function collectCapped(src: AsyncIterable<Buffer | string>, cap: number, onOver: (bytesSoFar: number) => Error): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of src) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += b.length;
    if (size > cap) throw onOver(size);
    parts.push(b);
  }
  return Buffer.concat(parts, size);
}

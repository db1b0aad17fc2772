// Reads a zip bundle entry by entry (lazily, so a bundle of 2,000 traces never sits inflated in memory at once),
// with caps on entries, bytes and compression ratio. Problems with one entry become an error naming it; the
// other entries are still read.
import type { FileError } from '../../types.js';
import { ZipFormatError, dataStart, readCentralDirectory, type ZipEntryInfo } from './central-directory.js';
import { isQuietSkip, normalizeName, unsafeName } from './entry-name.js';
import { InflateCapError, inflateCapped } from './inflate-capped.js';

export interface ZipLimits {
  /** Total uncompressed bytes across the bundle and its nested zips. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
  /** Uncompressed/compressed ratio above which an entry is treated as a bomb (once past `ratioFloorBytes`). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 1024 ** 3,
  maxEntryBytes: 50 * 1024 ** 2,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 ** 2,
};

export type ZipItem = { kind: 'file'; name: string; data: Buffer } | { kind: 'error'; error: FileError };

interface Budget {
  bytes: number;
  entries: number;
}

const MB = 1024 * 1024;
const fmt = (n: number): string => `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)} MB`;
const isZip = (b: Buffer): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

/** Yields the readable files of a zip (names "bundle.zip/W3SVC1/fr000041.xml") and an error for each problem. */
export function* readZip(zipName: string, buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Generator<ZipItem> {
  yield* readLevel(zipName, buf, limits, { bytes: 0, entries: 0 }, 0);
}

function* readLevel(zipName: string, buf: Buffer, limits: ZipLimits, budget: Budget, depth: number): Generator<ZipItem> {
  let entries: ZipEntryInfo[];
  try {
    entries = readCentralDirectory(buf);
  } catch (err) {
    if (!(err instanceof ZipFormatError)) throw err;
    entries = salvageLocalHeaders(buf);
    yield fail(zipName, `${zipName}: ${err.message}${entries.length ? `; read the ${entries.length} complete entries before the damage` : ''}`);
  }
  for (const e of entries) {
    const name = normalizeName(e.name);
    const full = `${zipName}/${name}`;
    if (isQuietSkip(name)) continue;
    const unsafe = unsafeName(e.name);
    if (unsafe) {
      yield fail(full, `${full}: refused, the entry ${unsafe}`);
      continue;
    }
    if (++budget.entries > limits.maxEntries) {
      yield fail(zipName, `${zipName}: has more than ${limits.maxEntries} files; the rest were not read`);
      return;
    }
    const item = readEntry(full, buf, e, limits, budget);
    if (item.kind === 'error' || !isZip(item.data)) {
      yield item;
      continue;
    }
    if (depth >= 1) {
      yield fail(full, `${full}: a zip inside a zip inside a zip is not read; unpack it one level`);
      continue;
    }
    yield* readLevel(full, item.data, limits, budget, depth + 1);
  }
}

function readEntry(full: string, buf: Buffer, e: ZipEntryInfo, limits: ZipLimits, budget: Budget): ZipItem {
  if (e.flags & 1) return fail(full, `${full}: is encrypted (password-protected); zip it again without a password`);
  if (e.method !== 0 && e.method !== 8) return fail(full, `${full}: uses compression method ${e.method}, which I can't read; use ordinary zip (deflate)`);
  const entryCap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - budget.bytes);
  if (e.declaredSize > limits.maxEntryBytes) return fail(full, `${full}: ${fmt(e.declaredSize)} is over the ${fmt(limits.maxEntryBytes)} limit for one file`);
  let start: number;
  try {
    start = dataStart(buf, e);
  } catch (err) {
    if (err instanceof ZipFormatError) return fail(full, `${full}: ${err.message}`);
    throw err;
  }
  const end = start + e.compressedSize;
  if (end > buf.length) return fail(full, `${full}: is cut short (the zip is incomplete)`);
  const input = buf.subarray(start, end);
  let data: Buffer;
  try {
    data = e.method === 0 ? Buffer.from(input) : inflateCapped(input, (total) => checkCaps(total, e.compressedSize, entryCap, limits));
    checkCaps(data.length, e.compressedSize, entryCap, limits);
  } catch (err) {
    if (err instanceof InflateCapError) return fail(full, capMessage(full, err.produced, entryCap, limits, budget));
    if (err instanceof RatioError) return fail(full, `${full}: refused, it expands more than ${limits.maxRatio} times (a zip bomb?)`);
    return fail(full, `${full}: is damaged and could not be unpacked (${(err as Error).message})`);
  }
  budget.bytes += data.length;
  return { kind: 'file', name: full, data };
}

class RatioError extends Error {
  override name = 'RatioError';
}

function checkCaps(total: number, compressed: number, entryCap: number, limits: ZipLimits): void {
  if (total > entryCap) throw new InflateCapError(total);
  if (total > limits.ratioFloorBytes && total / Math.max(1, compressed) > limits.maxRatio) throw new RatioError();
}

function capMessage(full: string, _produced: number, entryCap: number, limits: ZipLimits, budget: Budget): string {
  if (entryCap < limits.maxEntryBytes) {
    return `${full}: not read, the bundle unpacks to more than ${fmt(limits.maxTotalBytes)} (${fmt(budget.bytes)} already read; a zip bomb?)`;
  }
  return `${full}: unpacks to more than the ${fmt(limits.maxEntryBytes)} limit for one file`;
}

function fail(file: string, message: string): ZipItem {
  return { kind: 'error', error: { file, message } };
}

/** Entries found by walking local headers, for archives whose directory at the end is missing (truncated uploads). */
function salvageLocalHeaders(buf: Buffer): ZipEntryInfo[] {
  const out: ZipEntryInfo[] = [];
  let p = 0;
  while (p + 30 <= buf.length && buf.readUInt32LE(p) === 0x04034b50) {
    const flags = buf.readUInt16LE(p + 6);
    const method = buf.readUInt16LE(p + 8);
    const compressedSize = buf.readUInt32LE(p + 18);
    const declaredSize = buf.readUInt32LE(p + 22);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    // Sizes after the data (bit 3) cannot be known without the directory: stop here.
    if (flags & 8) break;
    const end = p + 30 + nameLen + extraLen + compressedSize;
    if (end > buf.length) break;
    const name = buf.subarray(p + 30, p + 30 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    out.push({ name, flags, method, compressedSize, declaredSize, localOffset: p });
    p = end;
  }
  return out;
}

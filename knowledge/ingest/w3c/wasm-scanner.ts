// Drives the WebAssembly reader of W3C logs (wasm/scan.as.ts): feeds it the log's bytes, keeps the partial line
// between chunks, and hands each record (a line JavaScript must see) to a callback. One instance per log: its
// tables and counts belong to that log.
import { SCAN_WASM_BASE64 } from './wasm/scan-wasm.js';
import type { FieldMap } from './fields.js';
import { MAX_LINE_CHARS } from './lines.js';

interface ScanExports {
  memory: WebAssembly.Memory;
  init(): void;
  inputPtr(): number;
  inputCap(): number;
  scratchPtr(): number;
  scratchCap(): number;
  recordsPtr(): number;
  totalsPtr(): number;
  tripleCountsPtr(): number;
  userCountsPtr(): number;
  clientsPtr(): number;
  tableSize(table: number): number;
  consumedAt(): number;
  keyPtr(table: number, id: number): number;
  keyLen(table: number, id: number): number;
  setKeepText(on: boolean): void;
  configure(
    status: number,
    sub: number,
    win32: number,
    stem: number,
    user: number,
    client: number,
    server: number,
  ): void;
  keepTail(from: number, to: number): void;
  reset(): void;
  scan(from: number, len: number, last: boolean): number;
  addLine(len: number, line: number): number;
}

/** Record kinds (scan.as.ts R_*). */
export const RECORD = {
  keep: 1,
  directive: 2,
  long: 3,
  triple: 4,
  user: 5,
  first500: 6,
  firstIndexOk: 7,
  firstOther500: 8,
  first401x1: 9,
  firstHandshake: 10,
  clientFailure: 11,
} as const;
/** i32 fields of a record: kind, start and end (addresses), line number, aux (an id), stem start and end. */
const REC = 7;
/** Totals (scan.as.ts T_*). */
export const TOTAL = {
  lines: 0,
  requests: 1,
  nonAuth: 2,
  nonAuth500: 3,
  indexOk: 4,
  nonIndex: 5,
  nonIndex500: 6,
  static500: 7,
  handshakes: 8,
  n401x1: 9,
  loopback401x1: 10,
  usersOverflow: 11,
  clientsOverflow: 12,
  triplesUntracked: 13,
} as const;
export const TABLE = { triple: 0, user: 1, client: 2 } as const;

/** One record as the callback sees it (reused: valid during the call). */
export interface ScanRecord {
  kind: number;
  line: number;
  aux: number;
  /** The record's line, cut at MAX_LINE_CHARS as every line is. */
  text(): string;
  /** The stem of R_FIRST_* records, undecoded ("" when the line has none). */
  stemText(): string;
}

/** Bytes handed to the scanner at a time (its input holds this plus the partial line). */
const PIECE = 1 << 20;
/** A partial line longer than this is cut: lines are kept to MAX_LINE_CHARS characters, at most 3 bytes each. */
const MAX_TAIL = MAX_LINE_CHARS * 3;

let compiled: WebAssembly.Module | undefined;
/** Instances ready for another log: setting one up costs about a millisecond, resetting one a few microseconds. */
const pool: WasmScanner[] = [];
const POOL_MAX = 4;
/** An instance whose memory grew past this (a log with huge keys) is dropped rather than kept. */
const POOL_MAX_BYTES = 32 << 20;

export class WasmScanner {
  private readonly ex: ScanExports;
  private readonly input: number;
  private bytes!: Buffer;
  private i32!: Int32Array;
  /** The records being handed out, copied out of memory. */
  private cur = new Int32Array(0);
  private tail = 0;
  /** Dropping the rest of an over-long line until its end. */
  private skipping = false;
  private readonly rec = { kind: 0, line: 0, aux: 0, at: 0 };
  private readonly view: ScanRecord;

  /** A scanner for a new log: from the pool, or new. Give it back with release(). */
  static acquire(): WasmScanner {
    return pool.pop() ?? new WasmScanner();
  }

  /** Returns the scanner to the pool once its log's statistics have been read. */
  release(): void {
    this.ex.reset();
    this.tail = 0;
    this.skipping = false;
    if (pool.length < POOL_MAX && this.ex.memory.buffer.byteLength <= POOL_MAX_BYTES) pool.push(this);
  }

  private constructor() {
    compiled ??= new WebAssembly.Module(Buffer.from(SCAN_WASM_BASE64, 'base64'));
    const instance = new WebAssembly.Instance(compiled, {
      env: {
        abort: () => {
          throw new Error('W3C scanner aborted');
        },
      },
    });
    this.ex = instance.exports as unknown as ScanExports;
    this.ex.init();
    this.input = this.ex.inputPtr();
    this.refreshViews();
    if (this.ex.inputCap() < PIECE + MAX_TAIL || this.ex.scratchCap() < MAX_TAIL)
      throw new Error('W3C scanner buffers too small');
    const r = this.rec;
    this.view = {
      get kind() {
        return r.kind;
      },
      get line() {
        return r.line;
      },
      get aux() {
        return r.aux;
      },
      text: () => this.lineText(this.cur[r.at + 1], this.cur[r.at + 2]),
      stemText: () => this.bytes.toString('utf8', this.cur[r.at + 5], this.cur[r.at + 6]),
    };
  }

  /** Memory grows as the key store fills: views over the old buffer are then stale. */
  private refreshViews(): void {
    const buffer = this.ex.memory.buffer;
    if (this.bytes?.buffer === buffer) return;
    this.bytes = Buffer.from(buffer);
    this.i32 = new Int32Array(buffer);
  }

  /** Tells the scanner which columns the lines after a #Fields line have. */
  configure(fields: FieldMap): void {
    const c = (name: string) => fields.col(name);
    this.ex.configure(
      c('sc-status'),
      c('sc-substatus'),
      c('sc-win32-status'),
      c('cs-uri-stem'),
      c('cs-username'),
      c('c-ip'),
      c('s-ip'),
    );
  }

  /** Whether lines are still reported as RECORD.keep. */
  setKeepText(on: boolean): void {
    this.ex.setKeepText(on);
  }

  /**
   * Scans `chunk` (null: the end of the log) and calls `onRecord` for every record, in line order. The callback may
   * call configure() after a directive, and addLongLine() for an over-long line.
   */
  feed(chunk: Buffer | null, onRecord: (r: ScanRecord) => void): void {
    if (chunk === null) {
      this.scanInput(this.tail, true, onRecord);
      this.tail = 0;
      return;
    }
    for (let at = 0; at < chunk.length; at += PIECE) {
      let piece = chunk.subarray(at, Math.min(chunk.length, at + PIECE));
      if (this.skipping) {
        const nl = piece.indexOf(10);
        if (nl === -1) continue;
        piece = piece.subarray(nl);
        this.skipping = false;
      }
      this.bytes.set(piece, this.input + this.tail);
      this.scanInput(this.tail + piece.length, false, onRecord);
    }
  }

  /** Reads a line the scanner reported as RECORD.long, once cut to `text` (at most MAX_LINE_CHARS characters). */
  addLongLine(text: string, line: number, onRecord: (r: ScanRecord) => void): void {
    const scratch = this.ex.scratchPtr();
    const n = this.bytes.write(text, scratch, 'utf8');
    const count = this.ex.addLine(n, line);
    this.refreshViews();
    this.emit(count, onRecord);
  }

  private scanInput(len: number, last: boolean, onRecord: (r: ScanRecord) => void): void {
    let from = 0;
    for (;;) {
      const n = this.ex.scan(from, len, last);
      this.refreshViews();
      const next = this.ex.consumedAt();
      // Records point into the input: they are read before the input moves.
      this.emit(n, onRecord);
      from = next;
      if (n === 0 || from >= len) break;
    }
    this.ex.keepTail(from, len);
    this.tail = len - from;
    // A line with no end in sight is junk: keep its head only (lines are cut to MAX_LINE_CHARS anyway).
    if (this.tail > MAX_TAIL) {
      this.tail = MAX_TAIL;
      this.skipping = true;
    }
  }

  private emit(n: number, onRecord: (r: ScanRecord) => void): void {
    if (n === 0) return;
    // Copied out first: the callback may call addLongLine, which writes records of its own.
    const base = this.ex.recordsPtr() >> 2;
    const recs = this.i32.slice(base, base + n * REC);
    for (let k = 0; k < n; k++) {
      const o = k * REC;
      this.rec.kind = recs[o];
      this.rec.line = recs[o + 3];
      this.rec.aux = recs[o + 4];
      this.rec.at = o;
      this.cur = recs;
      onRecord(this.view);
    }
  }

  private lineText(start: number, end: number): string {
    const text = this.bytes.toString('utf8', start, end);
    return text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text;
  }

  totals(): Int32Array {
    return new Int32Array(this.ex.memory.buffer, this.ex.totalsPtr(), 20).slice();
  }

  tableSize(table: number): number {
    return this.ex.tableSize(table);
  }

  /** Count of each interned triple / user, by id. */
  counts(table: typeof TABLE.triple | typeof TABLE.user): Int32Array {
    const ptr = table === TABLE.triple ? this.ex.tripleCountsPtr() : this.ex.userCountsPtr();
    return new Int32Array(this.ex.memory.buffer, ptr, this.tableSize(table)).slice();
  }

  /** Per kept client: 401.1 count, 401.2 count, flags (1 challenged, 2 authenticated), first failure line. */
  clients(): Int32Array {
    return new Int32Array(
      this.ex.memory.buffer,
      this.ex.clientsPtr(),
      this.tableSize(TABLE.client) * 4,
    ).slice();
  }

  /** An interned key, decoded as UTF-8. */
  keyText(table: number, id: number): string {
    const p = this.ex.keyPtr(table, id);
    return this.bytes.toString('utf8', p, p + this.ex.keyLen(table, id));
  }

  /** A triple key: two u16 lengths (0xffff: column absent), then status, substatus and win32 texts. */
  tripleKey(id: number): { status: string; sub: string | undefined; win32: string | undefined } {
    const p = this.ex.keyPtr(TABLE.triple, id);
    const b = this.bytes;
    const lu = b.readUInt16LE(p);
    const lw = b.readUInt16LE(p + 2);
    let q = p + 4;
    const status = b.toString('utf8', q, q + 3);
    q += 3;
    const sub = lu === 0xffff ? undefined : b.toString('utf8', q, q + lu);
    if (lu !== 0xffff) q += lu;
    const win32 = lw === 0xffff ? undefined : b.toString('utf8', q, q + lw);
    return { status, sub, win32 };
  }
}

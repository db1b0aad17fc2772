// AssemblyScript source of the W3C log reader's hot path (compiled by `npm run build:wasm` into scan-wasm.ts).
// In JavaScript a 1 GB IIS log spends its time finding spaces, hashing field texts and calling small functions per
// line. Here each line's bytes are walked once (16 at a time), its status triple, user and client are interned to
// small ids, and every per-line count of stats.ts is kept in linear memory. JavaScript sees only what it must: lines
// whose text it keeps or cites (events), '#' directives, and over-long lines (which it cuts and hands back).
// Semantics are those of splitting each line on every space: see stats.ts, which turns this state into its tables.

// ---- Limits (mirrored in wasm-scanner.ts) ----
const INPUT_CAP: i32 = 1536 * 1024;
const SCRATCH_CAP: i32 = 256 * 1024;
const MAX_RECORDS: i32 = 16384;
const REC: i32 = 7;
/** Longest line read here; JavaScript cuts longer ones at 64K characters (which only it can count) and hands back. */
const MAX_LINE: i32 = 65536;
const MAX_COLS: i32 = 512;
const ARENA_CAP: i32 = 64 << 20;
const RUNTIME_HEAP: usize = 256 * 1024;
/** Distinct status triples interned; past this a line still counts in the totals but not per status or code. */
const TRIPLE_CAP: i32 = 8192;
/** As stats.ts CAPS: the users and clients JavaScript keeps (first seen first). */
const USER_CAP: i32 = 1000;
const CLIENT_CAP: i32 = 10000;

// ---- Record kinds ----
const R_KEEP: i32 = 1; // a line whose text JavaScript keeps (the head of the log), but for '#' and over-long lines
const R_DIRECTIVE: i32 = 2; // a '#' line: scanning stops after it
const R_LONG: i32 = 3; // a line longer than MAX_LINE: JavaScript cuts it and calls addLine(); scanning stops
const R_TRIPLE: i32 = 4; // first line of a status triple (aux: id)
const R_USER: i32 = 5; // first line of a user (aux: id)
const R_FIRST_500: i32 = 6;
const R_FIRST_INDEX_OK: i32 = 7; // with the stem's bounds
const R_FIRST_OTHER_500: i32 = 8; // with the stem's bounds
const R_FIRST_401_1: i32 = 9;
const R_FIRST_HANDSHAKE: i32 = 10;
const R_CLIENT_FAILURE: i32 = 11; // first 401.1/401.2 of a kept client (aux: id)

// ---- Triple facts (bits) ----
const F_401: i32 = 1;
const F_401_1: i32 = 2;
const F_401_2: i32 = 4;
const F_500: i32 = 8;
const F_SUCCESS: i32 = 16;
const F_CODE: i32 = 32;

// ---- Totals, read by JavaScript at the end (order mirrored in wasm-scanner.ts TOTALS) ----
const T_LINES: i32 = 0;
const T_REQUESTS: i32 = 1;
const T_NON_AUTH: i32 = 2;
const T_NON_AUTH_500: i32 = 3;
const T_INDEX_OK: i32 = 4;
const T_NON_INDEX: i32 = 5;
const T_NON_INDEX_500: i32 = 6;
const T_STATIC_500: i32 = 7;
const T_HANDSHAKES: i32 = 8;
const T_401_1: i32 = 9;
const T_LOOPBACK_401_1: i32 = 10;
const T_USERS_OVERFLOW: i32 = 11;
const T_CLIENTS_OVERFLOW: i32 = 12;
const T_TRIPLES_UNTRACKED: i32 = 13;
const T_SEEN_500: i32 = 14;
const T_SEEN_INDEX_OK: i32 = 15;
const T_SEEN_OTHER_500: i32 = 16;
const T_SEEN_401_1: i32 = 17;
const T_SEEN_HANDSHAKE: i32 = 18;
const TOTALS: i32 = 20;

// ---- Tables ----
const TABLES: i32 = 3;
const TB_TRIPLE: i32 = 0;
const TB_USER: i32 = 1;
const TB_CLIENT: i32 = 2;
/** Per-client i32s: 401.1 count, 401.2 count, flags (1: saw a challenge, 2: authenticated), first failure line. */
const CLIENT_INTS: i32 = 4;

const NL = i8x16.splat(10);
const SP = i8x16.splat(32);
const SLASH = i8x16.splat(47);
const DOT = i8x16.splat(46);

let inputBase: usize = 0;
let scratchBase: usize = 0;
let recBase: usize = 0;
let colStartBase: usize = 0;
let colEndBase: usize = 0;
let keyBase: usize = 0;
let arenaBase: usize = 0;
let arenaUsed: i32 = 0;
let totalsBase: usize = 0;
let tripleCountBase: usize = 0;
let tripleFactsBase: usize = 0;
let userCountBase: usize = 0;
let clientBase: usize = 0;
let noneKey: usize = 0;
// Per table: slots (id + 1, 0 empty), entries (arena offset, length, hash), count, mask, cap.
let slots0: usize = 0;
let slots1: usize = 0;
let slots2: usize = 0;
let entries0: usize = 0;
let entries1: usize = 0;
let entries2: usize = 0;
let count0: i32 = 0;
let count1: i32 = 0;
let count2: i32 = 0;
let mask0: i32 = 0;
let mask1: i32 = 0;
let mask2: i32 = 0;

let colStatus: i32 = -1;
let colSub: i32 = -1;
let colWin32: i32 = -1;
let colStem: i32 = -1;
let colUser: i32 = -1;
let colClient: i32 = -1;
let colServer: i32 = -1;
let lastCol: i32 = -1;
let consumed: i32 = 0;
let keepText: bool = true;
let nRec: i32 = 0;
let lineNo: i32 = 0;

function align(p: usize): usize {
  return (p + 15) & ~(<usize>15);
}

function tableSlots(size: i32, p: usize): usize {
  return align(p + <usize>(size * 4));
}

/** Sets up memory and tables; call once per instance (a fresh instance per log). */
export function init(): void {
  // The runtime's own small allocations start at __heap_base: stay clear of them.
  let p = align(__heap_base + RUNTIME_HEAP);
  inputBase = p;
  p = align(p + <usize>INPUT_CAP + 16);
  scratchBase = p;
  p = align(p + <usize>SCRATCH_CAP + 16);
  recBase = p;
  p = align(p + <usize>(MAX_RECORDS * REC * 4));
  colStartBase = p;
  p = align(p + <usize>(MAX_COLS * 4));
  colEndBase = p;
  p = align(p + <usize>(MAX_COLS * 4));
  keyBase = p;
  p = align(p + <usize>(6 + 3 * MAX_LINE));
  totalsBase = p;
  p = align(p + <usize>(TOTALS * 4));
  tripleCountBase = p;
  p = align(p + <usize>(TRIPLE_CAP * 4));
  tripleFactsBase = p;
  p = align(p + <usize>(TRIPLE_CAP * 4));
  userCountBase = p;
  p = align(p + <usize>(USER_CAP * 4));
  clientBase = p;
  p = align(p + <usize>(CLIENT_CAP * CLIENT_INTS * 4));
  noneKey = p;
  p = align(p + 8);
  mask0 = slotCount(TRIPLE_CAP) - 1;
  mask1 = slotCount(USER_CAP) - 1;
  mask2 = slotCount(CLIENT_CAP) - 1;
  slots0 = p;
  p = tableSlots(mask0 + 1, p);
  slots1 = p;
  p = tableSlots(mask1 + 1, p);
  slots2 = p;
  p = tableSlots(mask2 + 1, p);
  entries0 = p;
  p = align(p + <usize>(TRIPLE_CAP * 12));
  entries1 = p;
  p = align(p + <usize>(USER_CAP * 12));
  entries2 = p;
  p = align(p + <usize>(CLIENT_CAP * 12));
  arenaBase = p;
  // The arena grows on demand (growArena); fresh pages are zero, so every slot and count starts empty.
  ensureMemory(p + 65536);
  const none = '(none)';
  for (let i = 0; i < 6; i++) store<u8>(noneKey + <usize>i, <u8>none.charCodeAt(i));
}

/** Forgets the last log (tables, counts, settings) so the instance can read another. */
export function reset(): void {
  memory.fill(totalsBase, 0, <usize>(TOTALS * 4));
  memory.fill(tripleCountBase, 0, <usize>(count0 * 4));
  memory.fill(userCountBase, 0, <usize>(count1 * 4));
  memory.fill(clientBase, 0, <usize>(count2 * CLIENT_INTS * 4));
  memory.fill(slots0, 0, <usize>((mask0 + 1) * 4));
  memory.fill(slots1, 0, <usize>((mask1 + 1) * 4));
  memory.fill(slots2, 0, <usize>((mask2 + 1) * 4));
  count0 = 0;
  count1 = 0;
  count2 = 0;
  arenaUsed = 0;
  keepText = true;
  nRec = 0;
  lineNo = 0;
  consumed = 0;
  lastCol = -1;
}

function slotCount(cap: i32): i32 {
  let size = 16;
  while (size < cap * 2) size <<= 1;
  return size;
}

function ensureMemory(end: usize): void {
  const need = <i32>((end + 65535) >> 16);
  const have = memory.size();
  if (need > have) memory.grow(need - have);
}

export function inputPtr(): usize {
  return inputBase;
}
export function inputCap(): i32 {
  return INPUT_CAP;
}
export function scratchPtr(): usize {
  return scratchBase;
}
export function scratchCap(): i32 {
  return SCRATCH_CAP;
}
export function recordsPtr(): usize {
  return recBase;
}
export function totalsPtr(): usize {
  return totalsBase;
}
export function tripleCountsPtr(): usize {
  return tripleCountBase;
}
export function userCountsPtr(): usize {
  return userCountBase;
}
export function clientsPtr(): usize {
  return clientBase;
}
export function tableSize(table: i32): i32 {
  return table == TB_TRIPLE ? count0 : table == TB_USER ? count1 : count2;
}
export function consumedAt(): i32 {
  return consumed;
}
export function keyPtr(table: i32, id: i32): usize {
  return arenaBase + <usize>load<i32>(entriesOf(table) + <usize>(id * 12));
}
export function keyLen(table: i32, id: i32): i32 {
  return load<i32>(entriesOf(table) + <usize>(id * 12 + 4));
}
/** Whether lines are still reported as R_KEEP (JavaScript keeps the head of the log as text). */
export function setKeepText(on: bool): void {
  keepText = on;
}

/** The columns of the current #Fields block (-1: not logged). */
export function configure(
  status: i32,
  sub: i32,
  win32: i32,
  stem: i32,
  user: i32,
  client: i32,
  server: i32,
): void {
  colStatus = status;
  colSub = sub;
  colWin32 = win32;
  colStem = stem;
  colUser = user;
  colClient = client;
  colServer = server;
  lastCol = max(max(max(status, sub), max(win32, stem)), max(max(user, client), server));
  if (lastCol >= MAX_COLS) lastCol = MAX_COLS - 1;
}

/** Moves input[from, to) to the start of the input (the partial line kept for the next chunk). */
export function keepTail(from: i32, to: i32): void {
  memory.copy(inputBase, inputBase + <usize>from, <usize>(to - from));
}

function record(kind: i32, start: usize, end: usize, aux: i32): usize {
  const r = recBase + <usize>(nRec * REC * 4);
  store<i32>(r, kind);
  store<i32>(r, <i32>start, 4);
  store<i32>(r, <i32>end, 8);
  store<i32>(r, lineNo, 12);
  store<i32>(r, aux, 16);
  nRec++;
  return r;
}

function total(t: i32): i32 {
  return load<i32>(totalsBase + <usize>(t << 2));
}
function bump(t: i32): void {
  store<i32>(totalsBase + <usize>(t << 2), total(t) + 1);
}

/**
 * Reads the lines of input[from, len) and returns how many records it wrote (their start/end are absolute
 * addresses in memory). Stops after a '#' line (a #Fields line changes the columns of the lines after it), when the
 * records may not hold another line's, or at a line without its end ("\n"), which is read only when `last` is set.
 * consumedAt() tells where reading stopped.
 */
export function scan(from: i32, len: i32, last: bool): i32 {
  nRec = 0;
  let p = from;
  consumed = from;
  const base = inputBase;
  // A line writes at most 7 records.
  while (p < len && nRec <= MAX_RECORDS - 8) {
    // One pass over the line, 16 bytes at a time: the line end, and the bounds of the wanted columns.
    let col = 0;
    store<i32>(colStartBase, p);
    const want = lastCol;
    let i = p;
    let found = false;
    while (i < len) {
      const v = v128.load(base + <usize>i);
      let nl = i8x16.bitmask(i8x16.eq(v, NL));
      let sp = col <= want ? i8x16.bitmask(i8x16.eq(v, SP)) : 0;
      if (len - i < 16) {
        const valid = (1 << (len - i)) - 1;
        nl &= valid;
        sp &= valid;
      }
      if (nl != 0) {
        const at = ctz(nl);
        sp &= (1 << at) - 1;
        col = columnsAt(sp, i, col, want);
        i += at;
        found = true;
        break;
      }
      if (sp != 0) col = columnsAt(sp, i, col, want);
      i += 16;
    }
    if (!found) {
      if (!last) break;
      i = len;
    }
    const next = i < len ? i + 1 : len;
    let end = i;
    if (end > p && load<u8>(base + <usize>(end - 1)) == 13) end--;
    lineNo++;
    bump(T_LINES);
    consumed = next;
    const s = base + <usize>p;
    const e = base + <usize>end;
    p = next;
    // '#' and over-long lines are JavaScript's, kept text included.
    if (e > s && load<u8>(s) == 35) {
      record(R_DIRECTIVE, s, e, 0);
      break;
    }
    // Stop here too: the line must be counted (by addLine) before the lines after it.
    if (e - s > <usize>MAX_LINE) {
      record(R_LONG, s, e, 0);
      break;
    }
    if (keepText) record(R_KEEP, s, e, 0);
    if (e == s) continue;
    // The column open when the line ended runs to the line's end; columns after it are absent.
    if (col <= want) store<i32>(colEndBase + <usize>(col << 2), <i32>(e - base));
    for (let c = col + 1; c <= want; c++) store<i32>(colStartBase + <usize>(c << 2), -1);
    readLine(base, s, e);
  }
  return nRec;
}

/**
 * Reads one line JavaScript has cut to 64K characters and written to the scratch area as UTF-8 (lineNo: its
 * number). Returns how many records it wrote.
 */
export function addLine(len: i32, line: i32): i32 {
  nRec = 0;
  const s = scratchBase;
  const e = scratchBase + <usize>len;
  const saved = lineNo;
  lineNo = line;
  if (len > 0 && load<u8>(s) != 35) {
    // Plain byte scan: this happens once per over-long line.
    let col = 0;
    store<i32>(colStartBase, 0);
    for (let i = 0; i < len; i++) {
      if (load<u8>(s + <usize>i) == 32 && col <= lastCol) {
        store<i32>(colEndBase + <usize>(col << 2), i);
        col++;
        if (col <= lastCol) store<i32>(colStartBase + <usize>(col << 2), i + 1);
      }
    }
    if (col <= lastCol) store<i32>(colEndBase + <usize>(col << 2), len);
    for (let c = col + 1; c <= lastCol; c++) store<i32>(colStartBase + <usize>(c << 2), -1);
    readLine(scratchBase, s, e);
  }
  lineNo = saved;
  return nRec;
}

/** Records the columns that end at the spaces set in `sp` (bits of the 16 bytes at i); returns the column now open. */
// @inline
function columnsAt(sp: i32, i: i32, col: i32, want: i32): i32 {
  while (sp != 0 && col <= want) {
    const at = i + ctz(sp);
    store<i32>(colEndBase + <usize>(col << 2), at);
    col++;
    if (col <= want) store<i32>(colStartBase + <usize>(col << 2), at + 1);
    sp &= sp - 1;
  }
  return col;
}

function colStart(c: i32): i32 {
  return c < 0 ? -1 : load<i32>(colStartBase + <usize>(c << 2));
}
function colEnd(c: i32): i32 {
  return load<i32>(colEndBase + <usize>(c << 2));
}

/** The statistics of one data line (column bounds are offsets from `base`): stats.ts W3cStats.add, in bytes. */
function readLine(base: usize, s: usize, e: usize): void {
  const ss = colStart(colStatus);
  if (ss < 0 || colEnd(colStatus) - ss != 3) return;
  const sp = base + <usize>ss;
  for (let k: usize = 0; k < 3; k++) {
    const d = load<u8>(sp + k);
    if (d < 48 || d > 57) return;
  }
  bump(T_REQUESTS);
  readUser(base, s, e, tripleFacts(base, s, e));
}

/** Interns the line's status triple (counting it) and returns its facts. */
function tripleFacts(base: usize, s: usize, e: usize): i32 {
  const ss = colStart(colStatus);
  const us = colStart(colSub);
  const ue = us < 0 ? -1 : colEnd(colSub);
  const ws = colStart(colWin32);
  const we = ws < 0 ? -1 : colEnd(colWin32);
  // The key: the three texts with 2-byte lengths (0xffff: column absent).
  const ul = us < 0 ? 0xffff : ue - us;
  const wl = ws < 0 ? 0xffff : we - ws;
  store<u16>(keyBase, <u16>ul);
  store<u16>(keyBase, <u16>wl, 2);
  // Byte loops, not memory.copy: these texts are a few bytes, and memory.copy is a call out of the module.
  let k: usize = copyBytes(4, base + <usize>ss, 3);
  if (us >= 0) k = copyBytes(k, base + <usize>us, ul);
  if (ws >= 0) k = copyBytes(k, base + <usize>ws, wl);
  let isNew = false;
  let id = find(TB_TRIPLE, keyBase, <i32>k);
  if (id < 0) {
    id = add(TB_TRIPLE, keyBase, <i32>k);
    isNew = id >= 0;
  }
  let f: i32;
  if (id >= 0 && !isNew) {
    f = load<i32>(tripleFactsBase + <usize>(id << 2));
  } else {
    f = factsOf(base, ss, us, ue, ws, we);
    if (id >= 0) store<i32>(tripleFactsBase + <usize>(id << 2), f);
  }
  if (id >= 0) {
    const c = tripleCountBase + <usize>(id << 2);
    store<i32>(c, load<i32>(c) + 1);
    if (isNew) record(R_TRIPLE, s, e, id);
  } else bump(T_TRIPLES_UNTRACKED);
  return f;
}

function copyBytes(k: usize, from: usize, n: i32): usize {
  for (let i = 0; i < n; i++) store<u8>(keyBase + k + <usize>i, load<u8>(from + <usize>i));
  return k + <usize>n;
}

/** stats.ts factsOf, on the raw texts ("-" or an absent column decode to ""). */
function factsOf(base: usize, ss: i32, us: i32, ue: i32, ws: i32, we: i32): i32 {
  const a = load<u8>(base + <usize>ss);
  const b = load<u8>(base + <usize>(ss + 1));
  const c = load<u8>(base + <usize>(ss + 2));
  const s401 = a == 52 && b == 48 && c == 49;
  const sub1 = isText1(base, us, ue, 49);
  const sub2 = isText1(base, us, ue, 50);
  const winEmpty = ws < 0 || we == ws || (we - ws == 1 && load<u8>(base + <usize>ws) == 45);
  const win0 = isText1(base, ws, we, 48);
  const win5 = isText1(base, ws, we, 53);
  const challenge = s401 && sub2 && win5;
  let f = 0;
  if (s401) f |= F_401;
  if (s401 && sub1) f |= F_401_1;
  if (s401 && sub2) f |= F_401_2;
  if (a == 53 && b == 48 && c == 48) f |= F_500;
  if (a == 50 || a == 51) f |= F_SUCCESS;
  if (!winEmpty && !win0 && !challenge) f |= F_CODE;
  return f;
}

/** The column [s, e) is the one character `ch`. */
function isText1(base: usize, s: i32, e: i32, ch: i32): bool {
  return s >= 0 && e - s == 1 && <i32>load<u8>(base + <usize>s) == ch;
}

/** Users, URL kinds and clients of a data line; f: the triple's facts. */
function readUser(base: usize, s: usize, e: usize, f: i32): void {
  // Users: "-", "" and absent are no user.
  let hasUser = false;
  const us = colStart(colUser);
  if (us >= 0) {
    const ue = colEnd(colUser);
    if (ue > us && !(ue - us == 1 && load<u8>(base + <usize>us) == 45)) {
      hasUser = true;
      const p = base + <usize>us;
      let id = find(TB_USER, p, ue - us);
      if (id < 0) {
        id = add(TB_USER, p, ue - us);
        if (id >= 0) record(R_USER, s, e, id);
      }
      if (id >= 0) {
        const c = userCountBase + <usize>(id << 2);
        store<i32>(c, load<i32>(c) + 1);
      } else bump(T_USERS_OVERFLOW);
    }
  }
  if ((f & F_401) == 0) readUrl(base, s, e, f);
  readClient(base, s, e, f, hasUser);
}

/** stats.ts addUrl. */
function readUrl(base: usize, s: usize, e: usize, f: i32): void {
  bump(T_NON_AUTH);
  const is500 = (f & F_500) != 0;
  const ts = colStart(colStem);
  const te = ts < 0 ? -1 : colEnd(colStem);
  const kind = stemKind(base, ts, te, is500);
  if (is500) {
    bump(T_NON_AUTH_500);
    if (total(T_SEEN_500) == 0) {
      bump(T_SEEN_500);
      record(R_FIRST_500, s, e, 0);
    }
  }
  if (kind & STEM_INDEX) {
    if (f & F_SUCCESS) {
      bump(T_INDEX_OK);
      if (total(T_SEEN_INDEX_OK) == 0) {
        bump(T_SEEN_INDEX_OK);
        stemRecord(R_FIRST_INDEX_OK, s, e, base, ts, te);
      }
    }
    return;
  }
  bump(T_NON_INDEX);
  if (is500) {
    bump(T_NON_INDEX_500);
    if (kind & STEM_STATIC) bump(T_STATIC_500);
    if (total(T_SEEN_OTHER_500) == 0) {
      bump(T_SEEN_OTHER_500);
      stemRecord(R_FIRST_OTHER_500, s, e, base, ts, te);
    }
  }
}

function stemRecord(kind: i32, s: usize, e: usize, base: usize, ts: i32, te: i32): void {
  const r = record(kind, s, e, 0);
  store<i32>(r, ts < 0 ? 0 : <i32>(base + <usize>ts), 20);
  store<i32>(r, ts < 0 ? 0 : <i32>(base + <usize>te), 24);
}

/** stats.ts addAuth. */
function readClient(base: usize, s: usize, e: usize, f: i32, hasUser: bool): void {
  const cs = colStart(colClient);
  const ce = cs < 0 ? -1 : colEnd(colClient);
  // "-", "" and absent are filed as "(none)", like a client literally called that.
  let p = noneKey;
  let n = 6;
  if (cs >= 0 && ce > cs && !(ce - cs == 1 && load<u8>(base + <usize>cs) == 45)) {
    p = base + <usize>cs;
    n = ce - cs;
  }
  let id = find(TB_CLIENT, p, n);
  if (id < 0) id = add(TB_CLIENT, p, n);
  if (f & F_401_1) {
    bump(T_401_1);
    if (total(T_SEEN_401_1) == 0) {
      bump(T_SEEN_401_1);
      record(R_FIRST_401_1, s, e, 0);
    }
    if (isLoopback(base, cs, ce) || sameAsServer(base, cs, ce)) bump(T_LOOPBACK_401_1);
  }
  if (id < 0) {
    bump(T_CLIENTS_OVERFLOW);
    return;
  }
  const c = clientBase + <usize>(id * CLIENT_INTS * 4);
  if (f & (F_401_1 | F_401_2)) {
    if (f & F_401_1) store<i32>(c, load<i32>(c) + 1);
    else store<i32>(c, load<i32>(c, 4) + 1, 4);
    store<i32>(c, load<i32>(c, 8) | 1, 8);
    if (load<i32>(c, 12) == 0) {
      store<i32>(c, lineNo, 12);
      record(R_CLIENT_FAILURE, s, e, id);
    }
  } else if (f & F_SUCCESS && hasUser) {
    const flags = load<i32>(c, 8);
    if ((flags & 1) != 0 && (flags & 2) == 0) {
      bump(T_HANDSHAKES);
      if (total(T_SEEN_HANDSHAKE) == 0) {
        bump(T_SEEN_HANDSHAKE);
        record(R_FIRST_HANDSHAKE, s, e, 0);
      }
    }
    store<i32>(c, flags | 2, 8);
  }
}

/** url-kind.ts isLoopback on the client's text: "::1", "127.*", "0:0:0:0:0:0:0:1", "::ffff:127.*". */
function isLoopback(base: usize, s: i32, e: i32): bool {
  if (s < 0) return false;
  const n = e - s;
  return (
    startsWith(base, s, e, '::1', true) ||
    startsWith(base, s, e, '127.', false) ||
    startsWith(base, s, e, '0:0:0:0:0:0:0:1', true) ||
    (n >= 11 && startsWith(base, s, e, '::ffff:127.', false))
  );
}

function startsWith(base: usize, s: i32, e: i32, t: string, whole: bool): bool {
  const n = t.length;
  if (e - s < n || (whole && e - s != n)) return false;
  for (let i = 0; i < n; i++) if (<i32>load<u8>(base + <usize>(s + i)) != t.charCodeAt(i)) return false;
  return true;
}

/** A client that is the server itself (c-ip equal to s-ip, both non-empty once decoded). */
function sameAsServer(base: usize, cs: i32, ce: i32): bool {
  if (cs < 0 || ce == cs || (ce - cs == 1 && load<u8>(base + <usize>cs) == 45)) return false;
  const ss = colStart(colServer);
  if (ss < 0) return false;
  const se = colEnd(colServer);
  return se - ss == ce - cs && same(base + <usize>ss, base + <usize>cs, ce - cs);
}

// ---- Interning ----

function entriesOf(table: i32): usize {
  return table == TB_TRIPLE ? entries0 : table == TB_USER ? entries1 : entries2;
}

function hashOf(ptr: usize, len: i32): u32 {
  let h: u32 = <u32>len * 0x9e3779b1;
  let i = 0;
  for (; i + 4 <= len; i += 4)
    h = rotl<u32>((h ^ load<u32>(ptr + <usize>i)) * 0x85ebca6b, 13) * 5 + 0xe6546b64;
  for (; i < len; i++) h = (h ^ (<u32>load<u8>(ptr + <usize>i))) * 0x01000193;
  h ^= h >> 15;
  h *= 0x2c1b3c6d;
  h ^= h >> 12;
  return h;
}

// find() leaves the slot where the key belongs, for add().
let lastHash: u32 = 0;
let lastSlot: i32 = 0;

/** The id of bytes [ptr, ptr + len) in a table, or -1. */
function find(table: i32, ptr: usize, len: i32): i32 {
  const h = hashOf(ptr, len);
  const mask = table == TB_TRIPLE ? mask0 : table == TB_USER ? mask1 : mask2;
  const slots = table == TB_TRIPLE ? slots0 : table == TB_USER ? slots1 : slots2;
  const entries = entriesOf(table);
  let slot = (<i32>h) & mask;
  while (true) {
    const id1 = load<i32>(slots + <usize>(slot << 2));
    if (id1 == 0) break;
    const en = entries + <usize>((id1 - 1) * 12);
    if (
      load<i32>(en, 8) == <i32>h &&
      load<i32>(en, 4) == len &&
      same(arenaBase + <usize>load<i32>(en), ptr, len)
    )
      return id1 - 1;
    slot = (slot + 1) & mask;
  }
  lastHash = h;
  lastSlot = slot;
  return -1;
}

/** Adds the key find() just missed; -1 when the table is full (the first `cap` keys are kept) or memory is. */
function add(table: i32, ptr: usize, len: i32): i32 {
  const id = table == TB_TRIPLE ? count0 : table == TB_USER ? count1 : count2;
  const cap = table == TB_TRIPLE ? TRIPLE_CAP : table == TB_USER ? USER_CAP : CLIENT_CAP;
  if (id >= cap || arenaUsed + len > ARENA_CAP) return -1;
  ensureMemory(arenaBase + <usize>(arenaUsed + len));
  memory.copy(arenaBase + <usize>arenaUsed, ptr, <usize>len);
  const en = entriesOf(table) + <usize>(id * 12);
  store<i32>(en, arenaUsed);
  store<i32>(en, len, 4);
  store<i32>(en, <i32>lastHash, 8);
  arenaUsed += len;
  const slots = table == TB_TRIPLE ? slots0 : table == TB_USER ? slots1 : slots2;
  store<i32>(slots + <usize>(lastSlot << 2), id + 1);
  if (table == TB_TRIPLE) count0++;
  else if (table == TB_USER) count1++;
  else count2++;
  return id;
}

/** Bytes [a, a + len) equal bytes [b, b + len). */
function same(a: usize, b: usize, len: i32): bool {
  let i = 0;
  for (; i + 8 <= len; i += 8) if (load<u64>(a + <usize>i) != load<u64>(b + <usize>i)) return false;
  for (; i < len; i++) if (load<u8>(a + <usize>i) != load<u8>(b + <usize>i)) return false;
  return true;
}

// ---- URL kinds ----

const STEM_INDEX: i32 = 1;
const STEM_STATIC: i32 = 2;

function lower(b: u32): u32 {
  return b >= 65 && b <= 90 ? b + 32 : b;
}

function lowerIs(base: usize, s: i32, e: i32, t: string): bool {
  if (e - s != t.length) return false;
  for (let i = 0; i < t.length; i++)
    if (<i32>lower(load<u8>(base + <usize>(s + i))) != t.charCodeAt(i)) return false;
  return true;
}

/**
 * url-kind.ts isIndexPage and (on 500 lines) isStaticFile, on the raw stem. "+" decodes to a space, which matches
 * neither; a non-ASCII byte is a non-ASCII character, and no such character lower-cases into the ASCII names and
 * extensions these look for (U+0130 becomes two characters, U+212A a "k" none of them has), so bytes decide alike.
 */
function stemKind(base: usize, s: i32, e: i32, wantStatic: bool): i32 {
  if (s < 0 || e == s) return STEM_INDEX;
  if (e - s == 1 && load<u8>(base + <usize>s) == 45) return STEM_INDEX;
  let slash = -1;
  let dot = -1;
  for (let i = s; i < e; i += 16) {
    const v = v128.load(base + <usize>i);
    const valid = e - i >= 16 ? 0xffff : (1 << (e - i)) - 1;
    const sl = i8x16.bitmask(i8x16.eq(v, SLASH)) & valid;
    const dt = i8x16.bitmask(i8x16.eq(v, DOT)) & valid;
    if (sl != 0) slash = i + 31 - clz(sl);
    if (dt != 0) dot = i + 31 - clz(dt);
  }
  if (slash == e - 1) return STEM_INDEX;
  const name = slash < 0 ? s : slash + 1;
  if (dot >= name) {
    const c = lower(load<u8>(base + <usize>name));
    // Most names cannot be default/index/home: their first letter says so.
    if (c == 100 || c == 105 || c == 104) {
      if (
        lowerIs(base, name, dot, 'default') ||
        lowerIs(base, name, dot, 'index') ||
        lowerIs(base, name, dot, 'home')
      ) {
        const x = dot + 1;
        if (
          lowerIs(base, x, e, 'htm') ||
          lowerIs(base, x, e, 'html') ||
          lowerIs(base, x, e, 'asp') ||
          lowerIs(base, x, e, 'aspx') ||
          lowerIs(base, x, e, 'php') ||
          lowerIs(base, x, e, 'cshtml')
        )
          return STEM_INDEX;
      }
    }
  }
  if (wantStatic && dot > slash && e - dot - 1 > 0) {
    const x = dot + 1;
    switch (e - x) {
      case 2:
        if (lowerIs(base, x, e, 'js')) return STEM_STATIC;
        break;
      case 3:
        if (isStatic3(base, x)) return STEM_STATIC;
        break;
      case 4:
        if (
          lowerIs(base, x, e, 'jpeg') ||
          lowerIs(base, x, e, 'webp') ||
          lowerIs(base, x, e, 'woff') ||
          lowerIs(base, x, e, 'html') ||
          lowerIs(base, x, e, 'json')
        )
          return STEM_STATIC;
        break;
      case 5:
        if (lowerIs(base, x, e, 'woff2')) return STEM_STATIC;
        break;
    }
  }
  return 0;
}

const STATIC3 = 'css mjs map png gif jpg ico svg bmp ttf eot otf htm txt xml pdf zip';

function isStatic3(base: usize, x: i32): bool {
  const a = lower(load<u8>(base + <usize>x));
  const b = lower(load<u8>(base + <usize>(x + 1)));
  const c = lower(load<u8>(base + <usize>(x + 2)));
  for (let i = 0; i < STATIC3.length; i += 4) {
    if (
      <u32>STATIC3.charCodeAt(i) == a &&
      <u32>STATIC3.charCodeAt(i + 1) == b &&
      <u32>STATIC3.charCodeAt(i + 2) == c
    )
      return true;
  }
  return false;
}

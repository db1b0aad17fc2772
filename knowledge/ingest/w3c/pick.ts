// Cuts the few columns the statistics need out of a W3C data line. This is the hot path of a 1 GB log, so each
// #Fields block gets one compiled regex that matches a whole line and captures only the wanted columns: the regex
// engine walks the spaces in native code, where a loop of indexOf calls costs a call per column.
import { decodeValue, type FieldMap } from './fields.js';

/** Past this column the slow scan is used: a regex with huge repeat counts compiles slowly, if at all. */
const MAX_REGEX_COL = 256;
/** Distinct "status substatus win32" texts remembered per #Fields block (a log has a handful). */
const MAX_TRIPLES = 64;

/** The columns the statistics read on every line, by role. */
const ROLES = {
  status: 'sc-status',
  sub: 'sc-substatus',
  win32: 'sc-win32-status',
  stem: 'cs-uri-stem',
  user: 'cs-username',
  cip: 'c-ip',
} as const;
type Role = keyof typeof ROLES;

/** What one data line says, values decoded ("-" is empty, "+" a space). */
export interface Row {
  status: string;
  sub: string;
  win32: string;
  stem: string;
  user: string;
  clientIp: string;
  serverIp: string;
}

/** A status triple, decoded once per distinct text; the same strings come back for every line that repeats it. */
interface Triple {
  status: string;
  sub: string;
  win32: string;
}

/** How to read the data lines of one #Fields block. */
export class LineShape {
  /** Distinct wanted columns, ascending (the slow path's numbering: out[k + 1] is column wanted[k]). */
  private readonly wanted: number[];
  /** Capture number of each role on the slow path; a role this block does not log points past the end. */
  private readonly slot: Record<Role, number>;
  /** Matches a line with all wanted columns present; null when the columns are too far right for a regex. */
  private readonly regex: RegExp | null;
  /** Capture number of each role in a regex match (the status triple may be one capture, see `grouped`). */
  private readonly fast: Record<Role, number>;
  /** sc-status, sc-substatus and sc-win32-status are adjacent (IIS's default): the regex captures them as one text. */
  private readonly grouped: boolean;
  /** Triple texts seen and what they decode to; scanned, not hashed: comparing a short string is the cheaper test. */
  private readonly triples: { text: string; triple: Triple | null }[] = [];
  private readonly slow: (string | undefined)[];
  /** Column of s-ip, or -1: only 401.1 lines read it, so it is cut out on demand rather than captured. */
  private readonly sipCol: number;

  constructor(readonly fields: FieldMap) {
    const col = (role: Role) => fields.col(ROLES[role]);
    const roles = Object.keys(ROLES) as Role[];
    this.wanted = distinct(roles.map(col));
    this.slot = slotsOf(roles, col, this.wanted);
    const st = col('status');
    this.grouped = st >= 0 && col('sub') === st + 1 && col('win32') === st + 2;
    // Grouped, the triple's three columns count as one (the status column) in the regex.
    const fastCols = this.grouped ? this.wanted.filter((c) => c !== st + 1 && c !== st + 2) : this.wanted;
    this.fast = slotsOf(roles, (r) => (this.grouped && (r === 'sub' || r === 'win32') ? st : col(r)), fastCols);
    this.regex = lineRegex(fastCols, this.grouped ? st : -1);
    this.slow = new Array<string | undefined>(this.wanted.length + 1).fill(undefined);
    this.sipCol = fields.col('s-ip');
  }

  /** Fills `row` from `line`; false (row untouched) when the line has no numeric status: damaged, to be skipped. */
  read(line: string, row: Row): boolean {
    const m = this.regex?.exec(line);
    const got = m ?? this.slowPick(line);
    const slot = m ? this.fast : this.slot;
    const t = m && this.grouped ? this.triple(got[slot.status]!) : tripleOf(got[slot.status], got[slot.sub], got[slot.win32]);
    if (!t) return false;
    row.status = t.status;
    row.sub = t.sub;
    row.win32 = t.win32;
    row.stem = decodeValue(got[slot.stem]);
    row.user = decodeValue(got[slot.user]);
    row.clientIp = decodeValue(got[slot.cip]);
    // Only the loopback check of 401.1 lines reads s-ip (see W3cStats.addAuth).
    row.serverIp = t.status === '401' && t.sub === '1' && this.sipCol >= 0 ? decodeValue(fieldAt(line, this.sipCol)) : '';
    return true;
  }

  private slowPick(line: string): (string | undefined)[] {
    pickFields(line, this.wanted, this.slow);
    return this.slow;
  }

  /** The triple of a grouped capture ("500 0 1346"), remembered so repeats cost a few string comparisons. */
  private triple(text: string): Triple | null {
    for (const seen of this.triples) if (seen.text === text) return seen.triple;
    const [status, sub, win32] = text.split(' ');
    const triple = tripleOf(status, sub, win32);
    if (this.triples.length < MAX_TRIPLES) this.triples.push({ text, triple });
    return triple;
  }
}

/** A triple from raw columns, or null when the status is not three digits (a damaged line). */
function tripleOf(status: string | undefined, sub: string | undefined, win32: string | undefined): Triple | null {
  if (status === undefined || status.length !== 3 || !isDigits(status)) return null;
  return { status, sub: decodeValue(sub), win32: decodeValue(win32) };
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function distinct(cols: number[]): number[] {
  return [...new Set(cols.filter((c) => c >= 0))].sort((a, b) => a - b);
}

/** Capture number (1-based) of each role's column in `cols`; a role not logged points past the captures. */
function slotsOf(roles: Role[], col: (r: Role) => number, cols: number[]): Record<Role, number> {
  const slot = {} as Record<Role, number>;
  for (const r of roles) slot[r] = col(r) >= 0 ? cols.indexOf(col(r)) + 1 : cols.length + 1;
  return slot;
}

/**
 * "^[^ ]* [^ ]* ([^ ]*) [^ ]* ([^ ]*)": skip to each wanted column and capture it. A field is "[^ ]*", not "\S+", so
 * that the regex splits exactly where indexOf(' ') would (empty fields between double spaces, tabs kept). Skipped
 * columns are written out rather than as "(?:[^ ]* ){n}": V8 runs the unrolled form faster. Column `group` captures
 * itself and the next two columns as one text. Nothing is anchored at the end: later columns are not looked at.
 */
export function lineRegex(wanted: number[], group = -1): RegExp | null {
  if (wanted.length === 0 || wanted[wanted.length - 1] > MAX_REGEX_COL) return null;
  const parts: string[] = [];
  for (let col = 0, k = 0; k < wanted.length; col++) {
    if (col !== wanted[k]) parts.push('[^ ]*');
    else parts.push(wanted[k++] === group ? '([^ ]* [^ ]* [^ ]*)' : '([^ ]*)');
  }
  return new RegExp('^' + parts.join(' '));
}

/** The field in column `col` of a line, undefined past its end (for columns read too rarely to capture). */
export function fieldAt(line: string, col: number): string | undefined {
  let start = 0;
  for (let c = 0; c < col; c++) {
    const sp = line.indexOf(' ', start);
    if (sp === -1) return undefined;
    start = sp + 1;
  }
  const end = line.indexOf(' ', start);
  return end === -1 ? line.slice(start) : line.slice(start, end);
}

/** Sets `out[k + 1]` to the line's field in column wanted[k] (ascending), undefined past the line's end. */
export function pickFields(line: string, wanted: number[], out: (string | undefined)[]): void {
  let start = 0;
  let col = 0;
  for (let k = 0; k < wanted.length; k++) {
    const want = wanted[k];
    while (col < want && start !== -1) {
      const sp = line.indexOf(' ', start);
      start = sp === -1 ? -1 : sp + 1;
      col++;
    }
    if (start === -1) {
      out[k + 1] = undefined;
      continue;
    }
    const end = line.indexOf(' ', start);
    out[k + 1] = end === -1 ? line.slice(start) : line.slice(start, end);
    // The space that ends this field starts the next one: no second search for it.
    start = end === -1 ? -1 : end + 1;
    col = want + 1;
  }
}

// findCodes: every error code, HTTP status and event id mentioned in free text, with exact character spans.
// Linear: one tokenizer pass, then constant work per token (bounded look-back, anchored regexes on tokens of at most
// 64 characters). Dates, versions, addresses, GUIDs and paths arrive as compound tokens and are dropped whole.
import type { DecodedCode } from '../types.js';
import { canonicalCode, type CodeHint } from './canonical.js';
import { cueBefore, isUnit, wordAfter, type Cue } from './context.js';
import { decodeCanonical, decodeEventId } from './decode.js';
import { describeEvent } from './events.js';
import { kerberosToCanonical } from './numbers.js';
import { decodeStatus } from './status.js';
import { canonicalOfName, knownByCanonical } from './tables.js';
import { tokenize, type Token } from './tokens.js';

export interface CodeMention {
  input: string;
  start: number;
  end: number;
  decoded: DecodedCode;
}

const MAX_TOKEN = 64;
const DOTTED_STATUS = /^([1-5]\d\d)\.(\d{1,3})$/;
const KRB_CANONICAL = /^KRB:(?:0x)?([0-9a-f]{1,2})$/i;
const LABELLED = /^([A-Za-z_]+):(0x[0-9a-f]{1,8})$/i;
const SYMBOL = /^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+$/;
const HEX_0X = /^0x([0-9a-f]{1,8})$/i;
const BARE_HEX8 = /^(?:8007|8009|8004|8001|c000|d000)[0-9a-f]{4}$/i;
const DECIMAL = /^\d{1,10}$/;

export function findCodes(text: string): CodeMention[] {
  const tokens = tokenize(text);
  const found: CodeMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const mention = classify(text, tokens, i);
    if (mention) found.push(mention);
  }
  return dedupe(found);
}

function mention(text: string, start: number, end: number, decoded: DecodedCode): CodeMention {
  const input = text.slice(start, end);
  return { input, start, end, decoded: { ...decoded, input } };
}

function classify(text: string, tokens: readonly Token[], i: number): CodeMention | null {
  const t = tokens[i];
  if (t.text.length > MAX_TOKEN) return null;
  if (t.compound) return classifyCompound(text, tokens, i);
  if (SYMBOL.test(t.text)) return classifySymbol(text, t);
  const hex = HEX_0X.exec(t.text);
  if (hex) return classifyHex(text, tokens, i, hex[1].length);
  if (BARE_HEX8.test(t.text)) return fromCanonical(text, t.start, t.end, canonicalCode('0x' + t.text));
  if (DECIMAL.test(t.text)) return classifyDecimal(text, tokens, i);
  return null;
}

function fromCanonical(text: string, start: number, end: number, canonical: string | null): CodeMention | null {
  if (canonical === null) return null;
  return mention(text, start, end, decodeCanonical(canonical, text.slice(start, end)));
}

function classifyCompound(text: string, tokens: readonly Token[], i: number): CodeMention | null {
  const t = tokens[i];
  const status = DOTTED_STATUS.exec(t.text);
  if (status) {
    const code = Number(status[1]);
    if (code < 400 || cueBefore(text, tokens, i) === 'version') return null;
    const decoded = decodeStatus(t.text);
    return decoded ? mention(text, t.start, t.end, decoded) : null;
  }
  const krb = KRB_CANONICAL.exec(t.text);
  if (krb) return fromCanonical(text, t.start, t.end, kerberosToCanonical(parseInt(krb[1], 16)));
  // "Status:0xC000006D", "hr:0x80070542": a label glued to a hex value.
  const labelled = LABELLED.exec(t.text);
  if (labelled) {
    const start = t.start + labelled[1].length + 1;
    const digits = labelled[2].length - 2;
    if (digits <= 4) return fromCanonical(text, start, t.end, canonicalCode(labelled[2], 'win32'));
    return fromCanonical(text, start, t.end, canonicalCode(labelled[2]));
  }
  return null;
}

function classifySymbol(text: string, t: Token): CodeMention | null {
  const canonical = canonicalOfName(t.text);
  if (!canonical) return null;
  let end = t.end;
  const known = knownByCanonical(canonical);
  if (known?.kerberos !== undefined) end = extendOverNumber(text, end, known.kerberos);
  return fromCanonical(text, t.start, end, canonical);
}

/** "KRB_AP_ERR_MODIFIED (0x29)": swallow the number that restates the name, so one mention covers both. */
function extendOverNumber(text: string, from: number, value: number): number {
  const m = /^ {0,3}(\()?(?:0x([0-9a-f]{1,2})|(\d{1,2}))(\))?/i.exec(text.slice(from, from + 12));
  if (!m) return from;
  const n = m[2] !== undefined ? parseInt(m[2], 16) : Number(m[3]);
  if (n !== value) return from;
  const after = text.charCodeAt(from + m[0].length);
  if (m[4] === undefined && isWordChar(after)) return from;
  if (m[1] !== undefined && m[4] === undefined) return from; // "(0x29" without ")": leave the bracket alone
  return from + m[0].length;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Labels of hex values that are not codes, as Windows Error Reporting and debuggers print them next to real codes. */
const NOT_A_CODE_LABEL = /\b(?:time ?stamp|offset|process id|thread id|(?:base )?address|handle|pid|tid)\s*[:=]?\s*$/i;

function classifyHex(text: string, tokens: readonly Token[], i: number, digits: number): CodeMention | null {
  const t = tokens[i];
  // "Faulting application name: w3wp.exe, time stamp: 0xcfdb13d8": a time stamp, not an NTSTATUS.
  if (NOT_A_CODE_LABEL.test(text.slice(Math.max(0, t.start - 24), t.start))) return null;
  if (digits > 4) return fromCanonical(text, t.start, t.end, canonicalCode(t.text));
  // A short hex ("0x5", "0x7") needs a cue: it is a Win32 error after "error", a Kerberos code after "Failure Code".
  const cue = cueBefore(text, tokens, i);
  // "4769 audit failures with code 0x7": in a sentence about a Kerberos event, a small hex is the Kerberos code.
  const value = parseInt(t.text, 16);
  const kerberos = cue !== 'http' && value <= MAX_KERBEROS_CODE && (kerberosSentence(text, t.start) || namedKerberosAfter(text, t.end, value));
  const hint = kerberos ? 'kerberos' : hintFor(cue);
  if (hint === null) return null;
  return fromCanonical(text, t.start, t.end, canonicalCode(t.text, hint));
}

/** Highest Kerberos error code (KDC_ERR_* and KRB_AP_ERR_* run from 0x0 to 0x44). */
const MAX_KERBEROS_CODE = 0x44;
const KERBEROS_SENTENCE = /\b(47(68|69|71|72|73)|kerberos|kdc|krb(tgt)?)\b/i;

/** Whether the sentence before `at` (up to 120 characters) is about a Kerberos event or the KDC. */
function kerberosSentence(text: string, at: number): boolean {
  const from = Math.max(0, at - 120);
  const before = text.slice(from, at);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  return KERBEROS_SENTENCE.test(stop === -1 ? before : before.slice(stop + 1));
}

/** "Error Code: 0x7  KDC_ERR_S_PRINCIPAL_UNKNOWN" (Kerberos event 3): the name right after restates the value. */
function namedKerberosAfter(text: string, from: number, value: number): boolean {
  const m = /^[ \t]{1,4}\(?([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)/.exec(text.slice(from, from + 72));
  if (!m) return false;
  const canonical = canonicalOfName(m[1]);
  return canonical !== undefined && knownByCanonical(canonical)?.kerberos === value;
}

function hintFor(cue: Cue): CodeHint | null {
  if (cue === 'kerberos') return 'kerberos';
  if (cue === 'win32' || cue === 'http') return 'win32';
  return null;
}

function classifyDecimal(text: string, tokens: readonly Token[], i: number): CodeMention | null {
  const t = tokens[i];
  // A '-' right before, not glued to a word, is a sign: "-2147023550".
  const negative = t.start > 0 && text.charCodeAt(t.start - 1) === 45 && !isWordChar(text.charCodeAt(t.start - 2));
  const n = Number(t.text);
  if (t.text.length === 10) {
    const start = negative ? t.start - 1 : t.start;
    const raw = negative ? '-' + t.text : t.text;
    const canonical = canonicalCode(raw, 'hresult');
    if (canonical === null || (!negative && n < 0x80000000)) return null;
    if (!looksLikeCode(canonical) && cueBefore(text, tokens, i) === 'none') return null;
    return fromCanonical(text, start, t.end, canonical);
  }
  if (negative || n === 0 || n > 0xffff || isUnit(wordAfter(text, tokens, i))) return null;
  const cue = cueBefore(text, tokens, i);
  if (cue === 'event') return mention(text, t.start, t.end, decodeEventId(t.text, n));
  if (cue === 'none' || cue === 'version') {
    // "4625 events", "a 5021 event": a known event id followed by the word event.
    const after = wordAfter(text, tokens, i);
    if ((after === 'event' || after === 'events') && describeEvent(n)) {
      return mention(text, t.start, t.end, decodeEventId(t.text, n));
    }
    return null;
  }
  if (cue === 'kerberos') return n <= 0xff ? fromCanonical(text, t.start, t.end, kerberosToCanonical(n)) : null;
  const previous = tokens[i - 1]?.text.toLowerCase();
  if (n >= 400 && n <= 599 && t.text.length === 3 && previous !== 'win32' && previous !== 'sc-win32-status') {
    const decoded = decodeStatus(t.text);
    return decoded ? mention(text, t.start, t.end, decoded) : null;
  }
  // "HTTP status 200" / "status 302" are not failures and not Win32 errors.
  if (cue === 'http' || (previous === 'status' && n >= 100 && n <= 399 && t.text.length === 3)) return null;
  return fromCanonical(text, t.start, t.end, canonicalCode(n, 'win32'));
}

/** Unsigned decimals of 10 digits are common (ids, timestamps): only structured HRESULT/NTSTATUS values count. */
function looksLikeCode(canonical: string): boolean {
  if (knownByCanonical(canonical)) return true;
  return /^0x(8007|8009|C000|C00A|D000)/.test(canonical);
}

/** Keep one mention per span: on overlap the longest wins, then the earliest. */
function dedupe(found: CodeMention[]): CodeMention[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: CodeMention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

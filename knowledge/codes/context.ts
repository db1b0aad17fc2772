// What the words just before (or after) a number say it is: "error 1326", "event id 4625", "Failure Code: 0x7".
// Bare decimals are everywhere (ports, sizes, years), so a decimal only counts as a code with one of these cues.
import { softGap, type Token } from './tokens.js';

export type Cue = 'event' | 'kerberos' | 'http' | 'win32' | 'version' | 'none';

const EVENT_WORDS = new Set(['event', 'eventid', 'event_id', 'evt']);
const KERBEROS_WORDS = new Set(['kerberos', 'kdc']);
const HTTP_WORDS = new Set(['http', 'statuscode', 'sc-status', 'httpstatus']);
const WIN32_WORDS = new Set([
  'error', 'err', 'errorcode', 'error_code', 'code', 'win32', 'sc-win32-status', 'lasterror', 'getlasterror', 'getlastwin32error', 'lastwin32error', 'getlastpinvokeerror', 'nativeerrorcode',
  'winerror', 'hresult', 'hr', 'status', 'substatus', 'rc', 'returncode', 'win32status', 'ntstatus',
]);
const FAIL_WORDS = new Set(['failed', 'fails', 'fail', 'failing', 'failure']);
const VERSION_WORDS = new Set([
  'version', 'ver', 'v', 'iis', 'net', 'framework', 'build', 'release', 'windows', 'server', 'sp', 'kb', 'port',
]);
const FILLERS = new Set(['id', 'is', 'was', 'of', 'no', 'number', 'value', 'returned', 'with']);

/** Lower-case words of up to three tokens before index i that are in the same phrase. */
function wordsBefore(text: string, tokens: readonly Token[], i: number): string[] {
  const out: string[] = [];
  let end = tokens[i].start;
  for (let k = i - 1; k >= 0 && out.length < 3; k--) {
    if (!softGap(text, tokens[k].end, end)) break;
    // "Marshal.GetLastWin32Error()": the call's own name is the word that says what the number is.
    out.push(tokens[k].text.toLowerCase().replace(/\(\)$/, '').replace(/^.*\./, ''));
    end = tokens[k].start;
  }
  return out;
}

/** The cue for the number at token i, read from the words before it. */
export function cueBefore(text: string, tokens: readonly Token[], i: number): Cue {
  const [w1, w2, w3] = wordsBefore(text, tokens, i);
  if (w1 === undefined) return 'none';
  // "WAS 5059": the Windows Process Activation Service names its events so; "it was 1326" is an English "was".
  if (tokens[i - 1]?.text === 'WAS' && softGap(text, tokens[i - 1].end, tokens[i].start)) return 'event';
  if (EVENT_WORDS.has(w1) || (w1 === 'id' && w2 !== undefined && EVENT_WORDS.has(w2))) return 'event';
  if (KERBEROS_WORDS.has(w1) || (w1 === 'code' && (w2 === 'failure' || w2 === 'result'))) return 'kerberos';
  if (HTTP_WORDS.has(w1)) return 'http';
  if (WIN32_WORDS.has(w1)) return 'win32';
  // "failed with 1385", "failed with error 1385" (the latter caught above), "GetLastError returned 5"
  if (w1 === 'with' && w2 !== undefined && FAIL_WORDS.has(w2)) return 'win32';
  if (w1 === 'returned' && w2 !== undefined && (WIN32_WORDS.has(w2) || w2 === 'getlasterror')) return 'win32';
  if (FILLERS.has(w1) && w2 !== undefined && WIN32_WORDS.has(w2) && w3 !== 'http') return 'win32';
  if (VERSION_WORDS.has(w1)) return 'version';
  return 'none';
}

/** The lower-case word right after token i when it is in the same phrase ("4625 events", "1024 MB"). */
export function wordAfter(text: string, tokens: readonly Token[], i: number): string | undefined {
  const next = tokens[i + 1];
  if (!next || !softGap(text, tokens[i].end, next.start)) return undefined;
  return next.text.toLowerCase();
}

const UNITS = new Set([
  'b', 'kb', 'mb', 'gb', 'tb', 'bytes', 'byte', 'ms', 's', 'sec', 'secs', 'seconds', 'minutes', 'min', 'mins',
  'hours', 'days', 'px', 'users', 'requests', 'times', 'rows', 'lines', 'items', 'percent',
]);

export function isUnit(word: string | undefined): boolean {
  return word !== undefined && UNITS.has(word);
}

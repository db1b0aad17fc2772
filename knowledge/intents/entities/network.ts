// Host names and URLs: http(s) URLs, dotted names with a real top-level domain, UNC hosts, SPN hosts, and short
// NetBIOS names right after a word like "server". A TLD list keeps "web.config" and "w3wp.exe" out.
import type { Candidate } from './scan.js';
import { scan } from './scan.js';

const URL = /\bhttps?:\/\/[^\s"'<>`]{1,2048}/gi;
const TLDS =
  'com|net|org|local|corp|lan|internal|intranet|int|edu|gov|mil|io|co|uk|de|fr|nl|be|ch|at|au|ca|us|eu|biz|info|ad|home|test|example|localdomain|cloud|onmicrosoft';
const FQDN = new RegExp(
  `(?<![A-Za-z0-9_.@/\\\\-])(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\\.){1,8}(?:${TLDS})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`,
  'gi',
);
const UNC_HOST = /\\\\(?<v>[A-Za-z0-9][A-Za-z0-9.-]{0,62})(?=\\)/g;
const SPN_HOST = /\b(?:HTTP|HOST|MSSQLSvc|CIFS|LDAP|WSMAN|TERMSRV)\/(?<v>[A-Za-z0-9][A-Za-z0-9.-]{0,252})/gi;
const NAMED_HOST =
  /\b(?:server|host|machine|box|computer|node|backend|frontend|dc|vm)\s{1,3}(?<v>(?=[A-Za-z0-9-]{0,14}[0-9])[A-Za-z][A-Za-z0-9-]{1,14})\b/gi;
const TRAILING_PUNCT = /[.,;:!?)\]}]+$/;

/** "see https://x/y." - the sentence's full stop is not part of the URL or host. */
function trimEnd(c: Candidate): Candidate {
  const value = c.value.replace(TRAILING_PUNCT, '');
  return { ...c, value, end: c.start + value.length };
}

export function networkCandidates(text: string): Candidate[] {
  return [
    ...scan(text, URL, 'url', 1).map(trimEnd),
    ...scan(text, FQDN, 'host', 2),
    ...scan(text, UNC_HOST, 'host', 2),
    ...scan(text, SPN_HOST, 'host', 2).map(trimEnd),
    ...scan(text, NAMED_HOST, 'host', 3),
  ];
}

// Fragments of logs that users paste into a message among their own words: a few W3C or HTTPERR rows, or the
// fields of one Failed Request Tracing event copied from the XML or from the freb.xsl view. Whole pasted files go
// through ingestion instead (see pastedFiles); these are the pieces too small or too mixed with prose for that.
import { canonicalCode } from '../codes/index.js';
import { isLoopback } from '../ingest/w3c/index.js';
import type { Evidence, EvidenceSource } from '../types.js';

const MAX_LINE = 2000;
const MAX_ROWS = 20;

const w3cRowTail =
  /\b(?:GET|POST|HEAD|PUT|DELETE|OPTIONS|PROPFIND|PATCH)\s+\/\S*.*?\s([1-5]\d\d)\s+(\d{1,3})\s+(\d{1,10})\s+\d{1,9}\s*$/;
// HTTPERR: "... HTTP/1.1 GET /path - 503 4 AppOffline PoolName"
const httperrRow = /\bHTTP\/\d\.\d\s+[A-Z]+\s+\S+\s+\S+\s+([1-5]\d\d)\s+(?:\d+|-)\s+([A-Za-z_]+)\b/;

const appOfflineReasons = new Set(['appoffline', 'disabled', 'connection_abandoned_by_apppool', 'apppoolshutdown']);
const headerTooLongReasons = new Set(['fieldlength', 'requestlength']);

/** Every fragment fact found in one message. */
export function evidenceFromFragments(text: string, messageIndex: number, source: EvidenceSource): Evidence[] {
  return [...logRows(text, source), ...frebFields(text, source)].map((e) => ({ ...e, source: { ...source, line: messageIndex } }));
}

/** The client of a W3C row in the usual field order: the address after cs-username ("-" or DOMAIN\\user). */
const rowClient = /\s(-|\S+\\\S+|\S+@\S+)\s((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]*:[0-9a-f:]+)\s/i;
/** The server's own address in the usual field order: s-ip, right before the method. */
const rowServer = /(?:^|\s)((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]*:[0-9a-f:]+)\s+(?:GET|POST|HEAD|PUT|DELETE|OPTIONS|PROPFIND|PATCH)\s/i;

interface Row {
  line: string;
  status: string;
  sub: string;
  win32: string;
  client?: string;
  server?: string;
  user: boolean;
}

function w3cRows(lines: string[]): (Row | undefined)[] {
  return lines.map((line) => {
    const m = w3cRowTail.exec(line);
    if (!m) return undefined;
    const c = rowClient.exec(line);
    return { line, status: m[1], sub: m[2], win32: m[3], client: c?.[2], server: rowServer.exec(line)?.[1], user: c !== null && c[1] !== '-' };
  });
}

/**
 * A 401.2 challenge or a 401.1 NTLM/Negotiate leg that the same client follows within two rows with a signed-in
 * response (any status but 401) is how Windows authentication always starts (the log parser treats uploaded logs the same way), not a
 * failure to diagnose.
 */
function isHandshakeLeg(rows: (Row | undefined)[], i: number): boolean {
  const r = rows[i];
  if (!r || r.status !== '401' || (r.sub !== '2' && r.sub !== '1') || !r.client) return false;
  // The next two rows, skipping the blank or prose lines between them (a double-spaced paste from Teams).
  let seen = 0;
  for (let j = i + 1; j < rows.length && seen < 2; j++) {
    const next = rows[j];
    if (!next) continue;
    seen++;
    // Signed in is what matters: an authenticated 401.3, 404.13 or 500 after it fails for another reason.
    if (next.client === r.client && next.user && !(next.status === '401' && (next.sub === '1' || next.sub === '2'))) return true;
  }
  return false;
}

/** Character ranges of the W3C rows in a message: their codes are read here, not by the generic code finder. */
export function logRowSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let at = 0;
  for (const line of text.split(/\n/)) {
    if (line.length <= MAX_LINE && w3cRowTail.test(line.replace(/\r$/, ''))) spans.push([at, at + line.length]);
    at += line.length + 1;
  }
  return spans;
}

function logRows(text: string, source: EvidenceSource): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/).filter((l) => l.length <= MAX_LINE);
  const rows = w3cRows(lines);
  let handshakeCited = false;
  // The loopback check refuses only requests from the server itself: 401.1s all from its own address are that pattern.
  let firstLogonFailure: string | undefined;
  let allFromServerItself = true;
  for (const [i, rawLine] of lines.entries()) {
    if (seen.size >= MAX_ROWS) continue;
    const excerpt = rawLine.trim().slice(0, 200);
    const row = rows[i];
    if (row) {
      const { status, sub, win32 } = row;
      if (isHandshakeLeg(rows, i)) {
        if (!handshakeCited) out.push({ kind: 'pattern', key: 'pattern', value: 'w3c.auth-handshake-ok', source, excerpt });
        handshakeCited = true;
        continue;
      }
      if (status === '401' && sub === '1') {
        firstLogonFailure ??= excerpt;
        if (!row.client || !(isLoopback(row.client) || row.client === row.server)) allFromServerItself = false;
      }
      const key = `w3c ${status}.${sub}.${win32}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: 'status', key: 'http.status', value: `${status}.${sub}`, source, excerpt, attrs: { win32 } });
      // "401 2 5" is the normal anonymous challenge of Windows auth, not an access-denied error (as in uploaded logs).
      const challenge = status === '401' && sub === '2' && win32 === '5';
      const code = win32 !== '0' && !challenge ? canonicalCode(win32, 'win32') : null;
      if (code) out.push({ kind: 'code', key: 'code', value: code, source, excerpt });
      continue;
    }
    const httperr = httperrRow.exec(rawLine);
    if (httperr) {
      const [, status, reason] = httperr;
      const key = `httperr ${status} ${reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: 'fact', key: 'httperr.reason', value: reason, source, excerpt, attrs: { status } });
      out.push({ kind: 'status', key: 'http.status', value: `${status}.0`, source, excerpt });
      const lower = reason.toLowerCase();
      if (appOfflineReasons.has(lower)) out.push({ kind: 'pattern', key: 'pattern', value: 'httperr.app-offline', source, excerpt });
      if (headerTooLongReasons.has(lower)) {
        out.push({ kind: 'pattern', key: 'pattern', value: 'httperr.header-too-long', source, excerpt });
      }
    }
  }
  if (firstLogonFailure && allFromServerItself) {
    out.push({ kind: 'pattern', key: 'pattern', value: 'w3c.loopback-only-failures', source, excerpt: `${firstLogonFailure} (every 401.1 comes from the server's own address)` });
  }
  return out;
}

// Field names of the FREB events that matter, as they appear in the XML (Name="value") or the freb.xsl view
// ("Name  value" on one line).
const frebField =
  /\b(ModuleName|Notification|HttpStatus|HttpSubStatus|NTLMUsed|TokenImpersonationLevel|AuthType|RequestAuthType)(?:"\s*>|\s*=\s*"|\s*[:\t ]\s*)([^"<\s][^"<\r\n]{0,80}?)(?=["<\r\n]|\s{2,}|\s+[A-Z][A-Za-z]+[=:\t ]|$)/g;

function frebFields(text: string, source: EvidenceSource): Evidence[] {
  if (!/MODULE_SET_RESPONSE_ERROR_STATUS|ModuleName|HttpSubStatus|AUTH_SUCCEEDED|NTLMUsed/.test(text)) return [];
  const fields = new Map<string, string>();
  frebField.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let guard = 0; guard < 200 && (m = frebField.exec(text)); guard++) {
    if (!fields.has(m[1])) fields.set(m[1], m[2].trim());
  }
  const out: Evidence[] = [];
  const excerpt = [...fields].map(([k, v]) => `${k}=${v}`).join(' ').slice(0, 200);
  const status = fields.get('HttpStatus');
  if (status && /^[1-5]\d\d$/.test(status)) {
    const sub = /^\d{1,3}$/.test(fields.get('HttpSubStatus') ?? '') ? fields.get('HttpSubStatus')! : '0';
    out.push({ kind: 'status', key: 'http.status', value: `${status}.${sub}`, source, excerpt });
  }
  const module = fields.get('ModuleName');
  if (module) out.push({ kind: 'trace', key: 'freb.error.module', value: module, source, excerpt });
  const notification = fields.get('Notification');
  if (notification && /^[A-Z_]+$/.test(notification)) {
    out.push({ kind: 'trace', key: 'freb.error.notification', value: notification, source, excerpt });
  }
  const ntlm = fields.get('NTLMUsed')?.toLowerCase();
  if (ntlm === 'true' || ntlm === 'false') out.push({ kind: 'trace', key: 'freb.auth.ntlmUsed', value: ntlm, source, excerpt });
  return out;
}

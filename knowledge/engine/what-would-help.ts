// When the engine is unsure, it says which upload would settle the question, based on what the
// leading causes could be confirmed by and what the case does not have yet.
import type { CompiledCause, CompiledKnowledgeBase } from './compile.js';
import { decodeCode } from '../codes/index.js';
import type { Evidence } from '../types.js';
import { MESSAGE_SOURCE } from './text-evidence.js';

const FREB =
  'A Failed Request Trace of one failing request: enable Failed Request Tracing for the failing status code, reproduce, then zip %SystemDrive%\\inetpub\\logs\\FailedReqLogFiles and upload it.';
const W3C = 'The IIS log covering the failures (%SystemDrive%\\inetpub\\logs\\LogFiles\\W3SVC<site id>\\u_ex<date>.log).';
const EVENTS =
  'An export of the relevant event logs from the web server (and the domain controller for Kerberos): `wevtutil qe Security /q:"*[System[(EventID=4625 or EventID=4624)]]" /c:50 /f:xml > security.xml`, and the System log for Kerberos and WAS errors.';
const CONFIG = 'The site\'s web.config (and applicationHost.config from %windir%\\System32\\inetsrv\\config).';
const CODE = 'The exact error message or code the user sees (the full text of the error page or the exception).';
const RIGHTS =
  "The web server's user rights: run `secedit /export /areas USER_RIGHTS /cfg %TEMP%\\rights.inf` in an elevated prompt and upload rights.inf (or paste the output of `whoami /priv` run inside the application pool).";
const SETSPN = "What the domain holds for the site's SPN: paste the output of `setspn -Q HTTP/<site host name>` and of `setspn -X`.";
const KLIST = 'The Kerberos tickets of a user who fails: run `klist` on their computer right after a failing request and paste its output.';

/** Tool outputs a leading cause can be confirmed by, by the fact keys its signatures test (FACTS.md). */
const TOOL_HINTS: { prefix: RegExp; hint: string }[] = [
  { prefix: /^(token|user-right)\./, hint: RIGHTS },
  { prefix: /^spn\./, hint: SETSPN },
  { prefix: /^kerberos\./, hint: KLIST },
];

export function whatWouldHelp(compiled: CompiledKnowledgeBase, leaders: CompiledCause[], evidence: Evidence[]): string[] {
  const has = (kind: string) => evidence.some((e) => e.kind === kind);
  const causes = leaders.length > 0 ? leaders : compiled.causes;
  const wants = new Set<string>();
  for (const c of causes) {
    for (const s of c.signatures) {
      const m = s.matcher;
      if (m.type === 'keyValue' && m.kinds.includes('trace')) wants.add('trace');
      if (m.type === 'keyValue' && m.kinds.includes('config')) wants.add('config');
      if (m.type === 'event') wants.add('event');
      if (m.type === 'pattern') wants.add(m.pattern.startsWith('w3c.') ? 'w3c' : 'pattern');
      if (m.type === 'code' || m.type === 'status') wants.add('code');
    }
  }
  // A tool's output that settles a leading cause comes first (for an open case the general list below is long enough).
  const out: string[] = [...unrelatedTraces(evidence), ...normalHandshakes(evidence), ...(leaders.length > 0 ? toolHints(leaders, evidence) : [])];
  if (wants.has('code') && !has('code') && !has('status')) out.push(CODE);
  if (wants.has('trace') && !has('trace')) out.push(FREB);
  if (wants.has('config') && !has('config')) out.push(CONFIG);
  if (wants.has('event') && !has('event')) out.push(EVENTS);
  if (wants.has('w3c') && !has('pattern')) out.push(W3C);
  return out;
}

function toolHints(leaders: CompiledCause[], evidence: Evidence[]): string[] {
  return TOOL_HINTS.filter(({ prefix }) => {
    const tested = leaders.some((c) => c.signatures.some((s) => s.matcher.type === 'keyValue' && s.matcher.kinds.includes('fact') && prefix.test(s.matcher.key)));
    return tested && !evidence.some((e) => e.kind === 'fact' && prefix.test(e.key));
  }).map(({ hint }) => hint);
}

/** Status codes an identity failure ends in: 400 (header too large), 401, 403, 500, 502 and 503 (pool stopped). */
const IDENTITY_STATUS = /^(400|401|403|500|502|503)(\.|$)/;

/**
 * A trace of a request that ended in some other status (a 404, a redirect, a success) cannot show the failure the
 * user has: say what it does show, so they capture the failing request instead of waiting for an answer.
 */
function unrelatedTraces(evidence: Evidence[]): string[] {
  // Beside a trace that does show a failure, the others need no comment.
  if (evidence.some((e) => e.key === 'freb.status' && IDENTITY_STATUS.test(e.value))) return [];
  // One line per status and code, however many traces of a zip share it.
  // A zip can hold thousands of traces: their error codes are looked up by file, not searched for each.
  const codeOfFile = new Map<string, string>();
  for (const e of evidence) if (e.key === 'freb.error.code' && !codeOfFile.has(e.source.file)) codeOfFile.set(e.source.file, e.value);
  const groups = new Map<string, { status: string; code?: string; files: string[] }>();
  for (const e of evidence) {
    if (e.key !== 'freb.status' || !e.value || IDENTITY_STATUS.test(e.value)) continue;
    const code = codeOfFile.get(e.source.file);
    const key = `${e.value} ${code ?? ''}`;
    const group = groups.get(key) ?? { status: e.value, code, files: [] };
    group.files.push(e.source.file);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ status, code, files }) => {
    const decoded = code ? decodeCode(code) : undefined;
    const why = decoded ? ` with ${decoded.canonical} (${decoded.name}: ${decoded.message.replace(/\.$/, '')})` : '';
    const verdict = /^[23]/.test(status) ? 'it succeeded or was redirected' : 'that is not an authentication, impersonation or delegation failure';
    const which = files.length === 1 ? `${files[0]} traces a request that` : `${files.length} traces (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}) trace requests that`;
    return `${which} ended ${status}${why}: ${verdict}. Trace a request that fails the way you describe (Failed Request Tracing for status codes 401,403,500,503) and upload that one.`;
  });
}

/**
 * An IIS log whose only 401s are 401.2 answered by an authenticated 200 from the same client shows the normal
 * Negotiate/NTLM challenge, not a failure: say so, rather than leave the user reading it as the problem.
 */
function normalHandshakes(evidence: Evidence[]): string[] {
  const out: string[] = [];
  for (const p of evidence) {
    if (p.key !== 'pattern' || p.value !== 'w3c.auth-handshake-ok') continue;
    const statuses = evidence.filter((e) => e.key === 'http.status' && e.source.file === p.source.file).map((e) => e.value);
    if (statuses.some((st) => !/^(401\.2|[23]\d\d\.\d+)$/.test(st))) continue;
    if (evidence.some((e) => e.key === 'pattern' && e.source.file === p.source.file && e.value !== p.value && e.value.startsWith('w3c.auth'))) continue;
    // Rows pasted into a message are the message's own words; the note speaks of the uploaded log only.
    if (p.source.file === MESSAGE_SOURCE) continue;
    const line = p.source.line !== undefined ? ` (line ${p.source.line})` : '';
    out.push(
      `${p.source.file}: every 401.2 in it is followed by an authenticated 200 from the same client${line}: the normal Windows-authentication handshake, not a failure. Upload the log of the time the failures happen, or a Failed Request Trace of a failing request.`,
    );
  }
  return out;
}

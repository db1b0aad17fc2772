// When the engine is unsure, it says which upload would settle the question, based on what the
// leading causes could be confirmed by and what the case does not have yet.
import type { CompiledCause, CompiledKnowledgeBase } from './compile.js';
import type { Evidence } from '../types.js';

const FREB =
  'A Failed Request Trace of one failing request: enable Failed Request Tracing for the failing status code, reproduce, then zip %SystemDrive%\\inetpub\\logs\\FailedReqLogFiles and upload it.';
const W3C = 'The IIS log covering the failures (%SystemDrive%\\inetpub\\logs\\LogFiles\\W3SVC<site id>\\u_ex<date>.log).';
const EVENTS =
  'An export of the relevant event logs from the web server (and the domain controller for Kerberos): `wevtutil qe Security /q:"*[System[(EventID=4625 or EventID=4624)]]" /c:50 /f:xml > security.xml`, and the System log for Kerberos and WAS errors.';
const CONFIG = 'The site\'s web.config (and applicationHost.config from %windir%\\System32\\inetsrv\\config).';
const CODE = 'The exact error message or code the user sees (the full text of the error page or the exception).';

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
  const out: string[] = [];
  if (wants.has('code') && !has('code') && !has('status')) out.push(CODE);
  if (wants.has('trace') && !has('trace')) out.push(FREB);
  if (wants.has('config') && !has('config')) out.push(CONFIG);
  if (wants.has('event') && !has('event')) out.push(EVENTS);
  if (wants.has('w3c') && !has('pattern')) out.push(W3C);
  return out;
}

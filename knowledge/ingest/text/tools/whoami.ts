// `whoami /priv`, `/groups` and `/all` output: the token of whoever ran it. Rows are read by their shape (a privilege
// constant and its state; a name and a SID), not by the section headers, which Windows translates. What the token
// is (an application pool's, a service's, an elevated administrator's, a user's) decides whether a missing
// SeImpersonatePrivilege means anything: a standard user never holds it, an IIS worker process always should.
import { excerptOf, type ToolFact, type ToolReading } from './tool-fact.js';

const PRIVILEGE_ROW = /^\s*(Se[A-Z][A-Za-z]+Privilege)\s+(?:.*?\s)?(Enabled|Disabled|Aktiviert|Deaktiviert|Activé|Désactivé|Habilitada|Deshabilitada|Abilitato|Disabilitato)\s*$/i;
/** USER INFORMATION row: the account, then its SID at the end of the line. */
const USER_ROW = /^\s*(\S.*?)\s+(S-1-5-(?:21|82|18|19|20|80)(?:-\d+)*)\s*$/;
/** GROUP INFORMATION row: the group, its type, its SID, then the attributes (none for a mandatory label). */
const GROUP_ROW = /^\s*(\S.*?)\s+(S-1-(?:\d+-)+\d+)(?:\s+\S.*)?$/;

const HELD_BY_SERVICES = /^(SeAssignPrimaryTokenPrivilege|SeAuditPrivilege)$/i;
const HELD_BY_ADMINS = /^(SeDebugPrivilege|SeTakeOwnershipPrivilege|SeBackupPrivilege|SeLoadDriverPrivilege|SeSecurityPrivilege)$/i;

export type TokenKind = 'app-pool' | 'admin' | 'service' | 'user';

/** Quick check, so ordinary messages skip the reader. */
export function mayHoldWhoami(text: string): boolean {
  return /\bSe[A-Z][A-Za-z]+Privilege\b[^\n]*\b(Enabled|Disabled|Aktiviert|Deaktiviert|Activé|Désactivé|Habilitada|Deshabilitada|Abilitato|Disabilitato)\b/i.test(text);
}

interface Row {
  name: string;
  line: number;
  text: string;
}

export function readWhoami(lines: string[]): ToolReading {
  const privileges: (Row & { state: string })[] = [];
  const groups: (Row & { sid: string })[] = [];
  let user: (Row & { sid: string }) | undefined;
  lines.forEach((text, i) => {
    const p = PRIVILEGE_ROW.exec(text);
    if (p) {
      privileges.push({ name: p[1], state: stateWord(p[2]), line: i + 1, text });
      return;
    }
    const u = user ? null : USER_ROW.exec(text);
    if (u) {
      user = { name: u[1].trim(), sid: u[2], line: i + 1, text };
      return;
    }
    const g = GROUP_ROW.exec(text);
    if (g) groups.push({ name: g[1], sid: g[2], line: i + 1, text });
  });
  // One privilege-looking line in prose is not a privilege list.
  if (privileges.length < 2) return { facts: [], rows: [] };
  const rows = [...privileges, ...groups, ...(user ? [user] : [])].map((r) => r.line);
  const kind = tokenKind(user, groups, privileges.map((p) => p.name));
  const first = privileges[0];
  const out: ToolFact[] = [{ key: 'token.kind', value: kind, line: first.line, excerpt: excerptOf(first.text), attrs: kindAttrs(user, kind) }];
  if (user) out.push({ key: 'token.user', value: user.name, line: user.line, excerpt: excerptOf(user.text), attrs: { sid: user.sid } });
  for (const p of privileges) out.push({ key: 'token.privilege', value: p.name, line: p.line, excerpt: excerptOf(p.text), attrs: { state: p.state, tokenKind: kind } });
  // Only a worker process's, a service's or an administrator's token is expected to hold the impersonation right.
  // A privilege listed "Disabled" is still held: the state says whether it is switched on at this moment.
  if (kind !== 'app-pool' && kind !== 'service' && kind !== 'admin') return { facts: out, rows };
  const impersonate = privileges.find((p) => /^SeImpersonatePrivilege$/i.test(p.name));
  if (impersonate) {
    if (kind !== 'admin') out.push({ key: 'token.privilege-held', value: impersonate.name, line: impersonate.line, excerpt: excerptOf(impersonate.text), attrs: { state: impersonate.state, tokenKind: kind } });
  } else {
    out.push({
      key: 'token.privilege-missing',
      value: 'SeImpersonatePrivilege',
      line: first.line,
      excerpt: `the token's ${privileges.length} privileges (${whose(user, kind)}) do not include SeImpersonatePrivilege`,
      attrs: { tokenKind: kind },
    });
  }
  return { facts: out, rows };
}

function tokenKind(user: { name: string; sid: string } | undefined, groups: { sid: string }[], privileges: string[]): TokenKind {
  const sids = new Set(groups.map((g) => g.sid.toUpperCase()));
  if (user && (/^S-1-5-82-/i.test(user.sid) || /^iis apppool\\/i.test(user.name))) return 'app-pool';
  if (sids.has('S-1-5-32-568')) return 'app-pool';
  if (sids.has('S-1-16-12288') || sids.has('S-1-16-16384') || privileges.some((p) => HELD_BY_ADMINS.test(p))) return 'admin';
  if (user && /^S-1-5-(18|19|20)$/.test(user.sid)) return 'service';
  if (sids.has('S-1-5-6') || privileges.some((p) => HELD_BY_SERVICES.test(p))) return 'service';
  return 'user';
}

function kindAttrs(user: { name: string } | undefined, kind: TokenKind): Record<string, string> {
  return user ? { user: user.name, tokenKind: kind } : { tokenKind: kind };
}

function whose(user: { name: string; sid: string } | undefined, kind: TokenKind): string {
  const label = { 'app-pool': 'an application pool identity', admin: 'an elevated administrator', service: 'a service identity', user: 'a user' }[kind];
  return user ? `${user.name}, ${label}` : label;
}

function stateWord(word: string): string {
  return /^(Enabled|Aktiviert|Activé|Habilitada|Abilitato)$/i.test(word) ? 'Enabled' : 'Disabled';
}

// `whoami /priv`, `/groups` and `/all` output: the token of whoever ran it. Rows are read by their shape (a privilege
// constant and its state; a name and a SID), not by the section headers, which Windows translates. What the token
// is (an application pool's, a service's, an elevated administrator's, a user's) decides whether a missing
// SeImpersonatePrivilege means anything: a standard user never holds it, an IIS worker process always should.
import { excerptOf, type ToolFact, type ToolReading } from './tool-fact.js';

const STATES = 'Enabled|Disabled|Aktiviert|Deaktiviert|Activé|Désactivé|Activado|Desactivado|Habilitada|Deshabilitada|Habilitado|Deshabilitado|Desabilitado|Abilitato|Disabilitato';
const ENABLED = /^(Enabled|Aktiviert|Activé|Activado|Habilitada|Habilitado|Abilitato)$/i;
/** The table (`whoami /priv`), the CSV (`/fo csv`) and the list (`/fo list`) forms of one privilege. */
const PRIVILEGE_ROW = new RegExp(`^[ \\t]*(Se[A-Z][A-Za-z]+Privilege)[ \\t]+(?:.*[ \\t])?(${STATES})[ \\t]*$`, 'i');
const PRIVILEGE_CSV = new RegExp(`^"(Se[A-Z][A-Za-z]+Privilege)","[^"]*","(${STATES})"[ \\t]*$`, 'i');
const PRIVILEGE_LIST_NAME = /^[ \t]*Privilege Name:[ \t]*(Se[A-Z][A-Za-z]+Privilege)[ \t]*$/i;
const PRIVILEGE_LIST_STATE = new RegExp(`^[ \\t]*State:[ \\t]*(${STATES})[ \\t]*$`, 'i');
/** USER INFORMATION row: the account, then its SID at the end of the line. */
const USER_ROW = /^[ \t]*(\S(?:.*\S)?)[ \t]+(S-1-5-(?:21|82|18|19|20|80)(?:-\d+)*)[ \t]*$/;
/** GROUP INFORMATION row: the group, its type, its SID, then the attributes (none for a mandatory label). */
const GROUP_ROW = /^[ \t]*(\S(?:.*\S)?)[ \t]+(S-1-(?:\d+-)+\d+)(?:[ \t]+\S.*)?$/;
/** Where a new output starts when several are pasted together. */
const USER_HEADER = /^[ \t]*USER INFORMATION[ \t]*$/i;
const PRIVILEGE_HEADER = /^[ \t]*(Privilege Name[ \t]+Description[ \t]+State|"Privilege Name","Description","State")[ \t]*$/i;
/** Longer lines are not rows of whoami's tables (and are not worth a backtracking match). */
const MAX_ROW_CHARS = 400;

const HELD_BY_SERVICES = /^(SeAssignPrimaryTokenPrivilege|SeAuditPrivilege)$/i;
const HELD_BY_ADMINS = /^(SeDebugPrivilege|SeTakeOwnershipPrivilege|SeBackupPrivilege|SeLoadDriverPrivilege|SeSecurityPrivilege)$/i;

export type TokenKind = 'app-pool' | 'admin' | 'service' | 'user';

/** Quick check, so ordinary messages skip the reader. */
export function mayHoldWhoami(text: string): boolean {
  return new RegExp(`\\bSe[A-Z][A-Za-z]+Privilege\\b[^\\n]*(${STATES})|Privilege Name:[ \\t]*Se[A-Z]`, 'i').test(text);
}

interface Row {
  name: string;
  line: number;
  text: string;
}

/** One whoami output: its privilege rows, groups and user. */
interface Listing {
  privileges: (Row & { state: string })[];
  groups: (Row & { sid: string })[];
  user?: Row & { sid: string };
  rows: number[];
}

function newListing(): Listing {
  return { privileges: [], groups: [], rows: [] };
}

/** The outputs in a text, split where a new one starts (a USER INFORMATION header, a second privilege table). */
function listings(lines: string[]): Listing[] {
  const out: Listing[] = [newListing()];
  let current = out[0];
  const start = () => {
    if (current.privileges.length > 0 || current.groups.length > 0 || current.user) out.push((current = newListing()));
  };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (text.length > MAX_ROW_CHARS) continue;
    if (USER_HEADER.test(text)) {
      start();
      continue;
    }
    if (PRIVILEGE_HEADER.test(text)) {
      if (current.privileges.length > 0) start();
      continue;
    }
    let name: string | undefined;
    let state: string | undefined;
    let rowLines = [i + 1];
    const row = PRIVILEGE_ROW.exec(text) ?? PRIVILEGE_CSV.exec(text);
    if (row) [, name, state] = row;
    const listName = row ? null : PRIVILEGE_LIST_NAME.exec(text);
    if (listName) {
      for (let j = i + 1; j <= i + 3 && j < lines.length; j++) {
        const st = PRIVILEGE_LIST_STATE.exec(lines[j]);
        if (st) {
          [name, state] = [listName[1], st[1]];
          rowLines = Array.from({ length: j - i + 1 }, (_, k) => i + 1 + k);
          break;
        }
      }
    }
    if (name && state) {
      // The same privilege again is the next output pasted after this one.
      if (current.privileges.some((p) => p.name.toLowerCase() === name!.toLowerCase())) start();
      current.privileges.push({ name, state: ENABLED.test(state) ? 'Enabled' : 'Disabled', line: i + 1, text });
      current.rows.push(...rowLines);
      continue;
    }
    const u = current.user || current.privileges.length > 0 ? null : USER_ROW.exec(text);
    if (u) {
      current.user = { name: u[1].trim(), sid: u[2], line: i + 1, text };
      current.rows.push(i + 1);
      continue;
    }
    const g = GROUP_ROW.exec(text);
    if (g) {
      current.groups.push({ name: g[1], sid: g[2], line: i + 1, text });
      current.rows.push(i + 1);
    }
  }
  return out;
}

export function readWhoami(lines: string[]): ToolReading {
  const facts: ToolFact[] = [];
  const rows: number[] = [];
  for (const listing of listings(lines)) {
    // One privilege-looking line in prose is not a privilege list.
    if (listing.privileges.length < 2) continue;
    facts.push(...listingFacts(listing));
    rows.push(...listing.rows);
  }
  return { facts, rows };
}

function listingFacts({ privileges, groups, user }: Listing): ToolFact[] {
  const kind = tokenKind(user, groups, privileges.map((p) => p.name));
  const first = privileges[0];
  const out: ToolFact[] = [{ key: 'token.kind', value: kind, line: first.line, excerpt: excerptOf(first.text), attrs: kindAttrs(user, kind) }];
  if (user) out.push({ key: 'token.user', value: user.name, line: user.line, excerpt: excerptOf(user.text), attrs: { sid: user.sid } });
  for (const p of privileges) out.push({ key: 'token.privilege', value: p.name, line: p.line, excerpt: excerptOf(p.text), attrs: { state: p.state, tokenKind: kind } });
  // Only a worker process's, a service's or an administrator's token is expected to hold the impersonation right.
  // A privilege listed "Disabled" is still held: the state says whether it is switched on at this moment.
  if (kind !== 'app-pool' && kind !== 'service' && kind !== 'admin') return out;
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
  return out;
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


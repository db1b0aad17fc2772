// Accounts: DOMAIN\user, user@domain.tld (UPN), IIS AppPool\Name, NT AUTHORITY\..., and the well-known built-ins.
import type { Candidate } from './scan.js';
import { scan } from './scan.js';

// Authorities whose own names contain a space; the well-known spaced account names are listed so the span covers
// the whole name. Other names stop at the first space ("IIS AppPool\HRPortal now").
const WELL_KNOWN_SPACED = /\b(?:NT AUTHORITY|NT SERVICE|IIS APPPOOL)\\(?:ANONYMOUS LOGON|NETWORK SERVICE|LOCAL SERVICE|AUTHENTICATED USERS|[A-Za-z0-9_.$-]{1,64})/gi;
// DOMAIN\user. Not a path: not after ":" or "\" (C:\inetpub, \\server\share) and not followed by another "\".
const DOMAIN_USER = /(?<![\\:/A-Za-z0-9_.$-])[A-Za-z][A-Za-z0-9_.-]{0,14}\\[A-Za-z0-9_.$-]{1,64}(?![\\A-Za-z0-9_.$-])/g;
// UPN / e-mail-shaped principal: needs a dotted domain; "@mention" and "user@host" without a dot are not accounts.
const UPN = /(?<![A-Za-z0-9_.%+-])[A-Za-z0-9][A-Za-z0-9_.%+-]{0,63}@[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9][A-Za-z0-9-]{0,62}){1,8}(?![A-Za-z0-9@-])/g;
const BUILT_IN = /\b(?:IIS_IUSRS|IUSR|ApplicationPoolIdentity|NetworkService|LocalSystem|LocalService|ANONYMOUS LOGON|Network Service|Local Service|Local System)\b/gi;
// Machine accounts as they appear in logs: "WEB01$".
const MACHINE = /(?<![\\A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9-]{1,14}\$(?![A-Za-z0-9_$])/g;

export function accountCandidates(text: string): Candidate[] {
  return [
    ...scan(text, WELL_KNOWN_SPACED, 'account', 1),
    ...scan(text, DOMAIN_USER, 'account', 2),
    ...scan(text, UPN, 'account', 2),
    ...scan(text, BUILT_IN, 'account', 3),
    ...scan(text, MACHINE, 'account', 3),
  ];
}

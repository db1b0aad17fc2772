// Accounts and groups as user-rights tools print them: "*S-1-5-32-568" (secedit), "BUILTIN\IIS_IUSRS" (gpresult),
// "IIS_IUSRS" (secpol). Each becomes one name, so a rule can ask "does this right include IIS_IUSRS" whatever the tool.

const WELL_KNOWN_SIDS: Record<string, string> = {
  'S-1-1-0': 'Everyone',
  'S-1-5-2': 'NETWORK',
  'S-1-5-3': 'BATCH',
  'S-1-5-4': 'INTERACTIVE',
  'S-1-5-6': 'SERVICE',
  'S-1-5-7': 'ANONYMOUS LOGON',
  'S-1-5-9': 'ENTERPRISE DOMAIN CONTROLLERS',
  'S-1-5-11': 'Authenticated Users',
  'S-1-5-17': 'IUSR',
  'S-1-5-18': 'SYSTEM',
  'S-1-5-19': 'LOCAL SERVICE',
  'S-1-5-20': 'NETWORK SERVICE',
  'S-1-5-32-544': 'Administrators',
  'S-1-5-32-545': 'Users',
  'S-1-5-32-546': 'Guests',
  'S-1-5-32-548': 'Account Operators',
  'S-1-5-32-549': 'Server Operators',
  'S-1-5-32-550': 'Print Operators',
  'S-1-5-32-551': 'Backup Operators',
  'S-1-5-32-554': 'Pre-Windows 2000 Compatible Access',
  'S-1-5-32-555': 'Remote Desktop Users',
  'S-1-5-32-559': 'Performance Log Users',
  'S-1-5-32-568': 'IIS_IUSRS',
  'S-1-5-80-0': 'All Services',
  'S-1-5-90-0': 'Window Manager Group',
  'S-1-5-113': 'Local account',
  'S-1-5-114': 'Local account and member of Administrators group',
  'S-1-15-2-1': 'ALL APPLICATION PACKAGES',
  'S-1-16-8192': 'Medium Mandatory Level',
  'S-1-16-12288': 'High Mandatory Level',
  'S-1-16-16384': 'System Mandatory Level',
};

/** Relative ids of a domain's (or computer's) own well-known accounts and groups. */
const DOMAIN_RIDS: Record<string, string> = {
  '500': 'Administrator',
  '501': 'Guest',
  '512': 'Domain Admins',
  '518': 'Schema Admins',
  '519': 'Enterprise Admins',
  '513': 'Domain Users',
  '514': 'Domain Guests',
  '515': 'Domain Computers',
};

const CANONICAL_NAMES = new Map(Object.values({ ...WELL_KNOWN_SIDS, ...DOMAIN_RIDS }).map((n) => [n.toLowerCase(), n]));

const SID = /^S-1-\d+(?:-\d+)+$/i;

/** The name of a SID this module knows, or undefined. */
export function nameOfSid(sid: string): string | undefined {
  const s = sid.toUpperCase();
  if (WELL_KNOWN_SIDS[s]) return WELL_KNOWN_SIDS[s];
  const domain = /^S-1-5-21-\d+-\d+-\d+-(\d+)$/.exec(s);
  return domain ? DOMAIN_RIDS[domain[1]] : undefined;
}

/**
 * One holder of a right, named the same way whichever tool printed it: well-known SIDs and groups by their plain
 * name ("IIS_IUSRS", "SERVICE"), any other account as printed ("CONTOSO\svc-web", an unresolved SID).
 */
export function principalName(raw: string): string {
  const t = raw.trim().replace(/^\*/, '').replace(/^"(.*)"$/, '$1').trim();
  if (SID.test(t)) return nameOfSid(t) ?? t.toUpperCase();
  // "BUILTIN\IIS_IUSRS", "NT AUTHORITY\SERVICE", "WEB02\IIS_IUSRS" (a machine's own group): the group itself.
  if (/^NT SERVICE\\ALL SERVICES$/i.test(t)) return 'All Services';
  // "CONTOSO\Domain Users" is the domain's group; "CONTOSO\Administrator" stays an account of that domain.
  const bare = t.replace(/^[^\\]+\\/, '');
  const known = CANONICAL_NAMES.get(bare.toLowerCase());
  return known && (bare === t || !/^(Administrator|Guest)$/.test(known)) ? known : t;
}

/** A holder list as one tool prints it ("*S-1-5-19,*S-1-5-20", "LOCAL SERVICE, NETWORK SERVICE"); empty words dropped. */
export function principalList(raw: string): string[] {
  const t = raw.trim();
  if (t === '' || /^(no one|not defined|none|\(none\)|-)$/i.test(t)) return [];
  return [...new Set(t.split(/\s*[,;]\s*/).filter((p) => p !== '').map(principalName))];
}

/** A holder as a tool prints it: a known name, a SID, DOMAIN\\name, or one word (not a sentence). */
export function looksLikePrincipal(name: string): boolean {
  return CANONICAL_NAMES.has(name.toLowerCase()) || SID.test(name) || /\\/.test(name) || /^[\w.$-]+$/.test(name);
}

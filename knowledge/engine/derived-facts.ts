// Facts no single source states, worked out from the whole case:
// - a failed logon in an event (4625, 4776, 4771) for an account the pasted configuration gives a role (the anonymous
//   user, the fixed impersonation identity, the pool identity, the content's connect-as user) says whose credentials
//   fail, which tells those causes apart from each other and from a user's own bad password or code calling LogonUser;
// - a Kerberos ticket (klist), a Kerberos error (System event 3 or 4) or an HTTP SPN named in a failure, for the
//   canonical name of a DNS alias the site is reached by (nslookup, or "A is a CNAME to B"), says the browser asked
//   for the canonical name's SPN, not the alias's;
// - an HTTP SPN registered only with a port (HTTP/finrep:8080) while the client's failed request names the host
//   without it says the browser builds the SPN without the port, as Windows does by default.
import type { Evidence } from '../types.js';

export const FAILED_LOGON_ROLE_KEY = 'logon-failed.account-role';

const FAILED_LOGON_EVENTS = new Set(['4625', '4776', '4771', '529']);

const ROLES: { key: RegExp; role: string; label: string }[] = [
  { key: /anonymousAuthentication@userName$/i, role: 'anonymous-user', label: 'the anonymous identity (anonymousAuthentication userName)' },
  { key: /^system\.web\/identity@userName$/i, role: 'fixed-identity', label: 'the fixed impersonation identity (<identity userName>)' },
  { key: /processModel@userName$/i, role: 'pool-identity', label: 'the application pool identity (processModel userName)' },
  { key: /virtualDirectory(Defaults)?@userName$/i, role: 'content-user', label: 'the connect-as user of the content (virtualDirectory userName)' },
];

interface Account {
  user: string;
  domain: string;
}

/** "CONTOSO\svc", "svc@contoso.com", ".\svc" or "svc" as lower-case user and first domain label ('' when none). */
function account(name: string, domain = ''): Account | undefined {
  const n = name.trim().toLowerCase();
  if (!n || n === '-') return undefined;
  const slash = n.lastIndexOf('\\');
  if (slash >= 0) return { user: n.slice(slash + 1), domain: label(n.slice(0, slash)) };
  const at = n.indexOf('@');
  if (at > 0) return { user: n.slice(0, at), domain: label(n.slice(at + 1)) };
  return { user: n, domain: label(domain) };
}

function label(domain: string): string {
  const d = domain.trim().toLowerCase().split('.')[0];
  return d === '-' ? '' : d;
}

function sameAccount(a: Account, b: Account): boolean {
  return a.user === b.user && (!a.domain || !b.domain || a.domain === b.domain);
}

function attr(e: Evidence, name: string): string {
  return e.attrs?.[name] ?? '';
}

/** The account an event says failed to log on, if it names one. */
function failedAccount(e: Evidence): Account | undefined {
  if (e.kind !== 'event' || !FAILED_LOGON_EVENTS.has(e.value)) return undefined;
  // 4776 (NTLM validation) names the account "TargetUserName" too, with the workstation apart.
  return account(attr(e, 'TargetUserName'), attr(e, 'TargetDomainName'));
}

export function derivedFacts(evidence: Evidence[]): Evidence[] {
  return [...failedLogonRoles(evidence), ...canonicalNameRequests(evidence), ...portlessRequests(evidence), ...ungrantedRequestIdentity(evidence)];
}

function failedLogonRoles(evidence: Evidence[]): Evidence[] {
  const configured: { account: Account; role: (typeof ROLES)[number]; name: string }[] = [];
  for (const e of evidence) {
    if (e.kind !== 'config') continue;
    const role = ROLES.find((r) => r.key.test(e.key));
    const acct = role && account(e.value);
    if (role && acct) configured.push({ account: acct, role, name: e.value });
  }
  if (configured.length === 0) return [];
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const e of evidence) {
    const failed = failedAccount(e);
    if (!failed) continue;
    for (const c of configured) {
      if (!sameAccount(failed, c.account) || seen.has(c.role.role)) continue;
      seen.add(c.role.role);
      out.push({
        kind: 'fact',
        key: FAILED_LOGON_ROLE_KEY,
        value: c.role.role,
        source: e.source,
        excerpt: `${e.excerpt} (the account that failed, ${c.name}, is ${c.role.label} in the configuration given)`,
        attrs: { account: c.name },
      });
    }
  }
  return out;
}

export const CANONICAL_NAME_REQUEST_KEY = 'kerberos.ticket-for-canonical-name';

/** The host of the HTTP SPN a klist ticket, a Kerberos error event or a failure in the user's words names ("HTTP/web01.contoso.com:8080@REALM"), and whether it carries a port. */
function requestedHttpHost(e: Evidence): { host: string; port: boolean } | undefined {
  let spn: string | undefined;
  if (e.kind === 'fact' && (e.key === 'kerberos.http-ticket' || e.key === 'kerberos.http-spn-failed')) spn = e.value;
  else if (e.kind === 'event' && (e.value === '3' || e.value === '4') && /Security-Kerberos|^Kerberos$/i.test(attr(e, 'Provider')))
    spn = attr(e, 'ServerName') || attr(e, 'TargetName') || attr(e, 'Server');
  const m = spn ? /^HTTP\/([^:@/\s]+)(:\d+)?/i.exec(spn.trim()) : null;
  return m ? { host: m[1].toLowerCase(), port: m[2] !== undefined } : undefined;
}

function canonicalNameRequests(evidence: Evidence[]): Evidence[] {
  const aliases = evidence.filter((e) => e.kind === 'fact' && e.key === 'dns.alias' && e.attrs?.canonical);
  if (aliases.length === 0) return [];
  const known = new Set(evidence.filter((e) => e.key === CANONICAL_NAME_REQUEST_KEY).map((e) => e.value.toLowerCase()));
  const requests = evidence.flatMap((e) => {
    const host = requestedHttpHost(e)?.host;
    return host ? [{ e, host }] : [];
  });
  const out: Evidence[] = [];
  for (const alias of aliases) {
    if (known.has(alias.value.toLowerCase())) continue;
    const canonical = (alias.attrs?.canonical ?? '').toLowerCase();
    const hit = requests.find((r) => r.host === canonical || r.host === canonical.split('.')[0]);
    if (!hit) continue;
    known.add(alias.value.toLowerCase());
    out.push({
      kind: 'fact',
      key: CANONICAL_NAME_REQUEST_KEY,
      value: alias.value,
      source: hit.e.source,
      excerpt: `${hit.e.excerpt} (HTTP/${hit.host} is the canonical name of the alias ${alias.value})`,
      attrs: { canonical: alias.attrs?.canonical ?? '', ticket: `HTTP/${hit.host}` },
    });
  }
  return out;
}

export const PORTLESS_REQUEST_KEY = 'kerberos.spn-registered-only-with-port';

/** A failure's requested HTTP SPN without a port, as a host, from a Kerberos error event or the user's words. */
function failedPortlessHost(e: Evidence): string | undefined {
  if (!(e.kind === 'event' || (e.kind === 'fact' && e.key === 'kerberos.http-spn-failed'))) return undefined;
  const requested = requestedHttpHost(e);
  return requested && !requested.port ? requested.host : undefined;
}

function portlessRequests(evidence: Evidence[]): Evidence[] {
  const registered = evidence.filter((e) => e.kind === 'fact' && e.key === 'spn.registered').map((e) => e.value);
  const lower = registered.map((spn) => spn.toLowerCase());
  const withPort = registered.flatMap((spn) => {
    const m = /^http\/([^:/@\s]+):(\d+)$/i.exec(spn);
    return m ? [{ spn, host: m[1].toLowerCase() }] : [];
  });
  if (withPort.length === 0) return [];
  for (const e of evidence) {
    const host = failedPortlessHost(e);
    if (!host) continue;
    const match = withPort.find((p) => p.host === host || p.host.split('.')[0] === host);
    if (!match || lower.includes(`http/${host}`)) continue;
    return [{
      kind: 'fact',
      key: PORTLESS_REQUEST_KEY,
      value: match.spn,
      source: e.source,
      excerpt: `${e.excerpt} (the client asked for HTTP/${host}, while only ${match.spn} is registered)`,
      attrs: { requested: `HTTP/${host}` },
    }];
  }
  return [];
}

export const UNGRANTED_IDENTITY_KEY = 'acl.request-identity-not-granted';

/** Groups every token is in (and their well-known SIDs): a grant to one of them covers any request's identity. */
const EVERY_TOKEN = /^(?:everyone|\*s-1-1-0|users|builtin\\users|\*s-1-5-32-545|authenticated users|nt authority\\authenticated users|\*s-1-5-11)$/i;
/** IIS_IUSRS holds the worker processes' identities; IUSR is not a member. */
const WORKER_GROUP = /^(?:iis_iusrs|builtin\\iis_iusrs|\*s-1-5-32-568)$/i;

function covers(grant: string, user: string): boolean {
  if (EVERY_TOKEN.test(grant)) return true;
  if (WORKER_GROUP.test(grant)) return /^iis apppool\\/i.test(user);
  const short = (s: string) => s.slice(s.lastIndexOf('\\') + 1);
  return grant === user || short(grant) === short(user);
}

/** Whether a grant on `grantPath` reaches `file` (the same path or a folder above it); unknown paths are assumed to. */
function reaches(grantPath: string | undefined, file: string | undefined): boolean {
  if (!grantPath || !file || !/^[a-z]:\\|^\\\\/i.test(grantPath)) return true;
  const g = grantPath.toLowerCase().replace(/[\\/]+$/, '');
  const f = file.toLowerCase();
  return f === g || f.startsWith(`${g}\\`);
}

/**
 * A failed traced request ran as an account (FREB tokenUserName) that none of the read grants on its file names, while
 * read access was given to other accounts: typically the pool identity, for an anonymous request that runs as IUSR.
 */
function ungrantedRequestIdentity(evidence: Evidence[]): Evidence[] {
  const grants = evidence.filter((e) => e.kind === 'fact' && e.key === 'acl.granted' && e.attrs?.read !== 'false');
  if (grants.length === 0) return [];
  for (const token of evidence.filter((e) => e.kind === 'trace' && e.key === 'freb.token.user' && e.value.trim())) {
    const trace = (key: string) => evidence.find((e) => e.kind === 'trace' && e.key === key && e.source.file === token.source.file);
    if (!/^(?:401|403|500)/.test(trace('freb.status')?.value ?? '')) continue;
    const file = trace('freb.file.user')?.attrs?.fileName || undefined;
    const onFile = grants.filter((g) => reaches(g.attrs?.path, file)).map((g) => g.value.toLowerCase());
    if (onFile.length === 0) continue;
    const user = token.value.toLowerCase();
    if (onFile.some((g) => covers(g, user))) continue;
    return [{
      kind: 'fact',
      key: UNGRANTED_IDENTITY_KEY,
      value: token.value,
      source: token.source,
      excerpt: `${token.excerpt} (the request ran as ${token.value}, while read access${file ? ` to ${file}` : ''} is given to ${[...new Set(onFile)].slice(0, 4).join(', ')})`,
    }];
  }
  return [];
}

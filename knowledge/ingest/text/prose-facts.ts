// Facts people state in their own words rather than paste as tool output: "portal.contoso.com is a CNAME to
// webfarm-vip.contoso.local" (what nslookup's Aliases line says), the SPN they registered ("setspn -S
// HTTP/finrep:8080 CONTOSO\svc"), an HTTP SPN named in a failure ("4769 failure 0x7, Service Name
// HTTP/webfarm-vip.contoso.local"), which the case-level facts compare with the alias and the registered SPNs, and
// the account the application pool runs as ("the app pool runs as CONTOSO\svc-web"), and icacls grants.
import { icaclsGrants } from './icacls-grants.js';

export interface ProseFact {
  key: 'dns.alias' | 'kerberos.http-spn-failed' | 'spn.registered' | 'acl.granted' | 'pool.identity' | 'access.works-locally-not-remote' | 'access.fails-only-on-server';
  value: string;
  line: number;
  at: number;
  attrs?: Record<string, string>;
}

const HOST = String.raw`[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+`;
// "A is a CNAME to B", "A (CNAME) -> B", "A is an alias for B", "A CNAME pointing at B". A host starts where no
// label did, so a long dotted run is not tried from each of its labels.
const CNAME = new RegExp(
  String.raw`(?<![\w.-])(${HOST})[ \t]+(?:is[ \t]+)?(?:an?[ \t]+)?\(?(?:dns[ \t]+)?(?:cname|alias)(?:[ \t]+record)?\)?[ \t]*(?:->|→|=>|to|for|of|pointing[ \t]+(?:to|at)|points?[ \t]+(?:to|at)|that[ \t]+points[ \t]+(?:to|at))[ \t]+(${HOST})\b`,
  'gi',
);
// A host with a port (HTTP/finrep:8080) is the port form itself, not the name without it.
const HTTP_SPN = new RegExp(String.raw`\bHTTP\/(${HOST}|[a-z0-9-]{1,63})(?![\w./:-])`, 'gi');
/** "setspn -S HTTP/finrep:8080 CONTOSO\svc": the user registered (or tried to register) that SPN on that account. */
const SETSPN_ADD = /\bsetspn(?:\.exe)?[ \t]+-[sa][ \t]+(HTTP\/[^\s"']+)(?:[ \t]+([^\s"']+))?/gi;
/** A failure in the same line: the SPN is what the client asked for, not one being registered. */
const FAILURE = /\b(4769|4771|failure|failed|error|0x7\b|principal[_ ]unknown|not found|unknown)\b/i;

const ACCOUNT = String.raw`IIS APPPOOL\\[\w.-]{1,64}|NT AUTHORITY\\(?:NETWORK SERVICE|LOCAL SERVICE|SYSTEM)|(?:[a-z0-9][\w.-]{0,14}|\.)\\[\w.$-]{1,64}|[\w.-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+|ApplicationPoolIdentity|Network ?Service|Local ?System|Local ?Service`;
/**
 * "the app pool runs as CONTOSO\svc-web", "AppPool identity is a gMSA, CONTOSO\gmsa-web$", "pool identity:
 * NetworkService". Not after a negation ("doesn't run as"), and not "should run as" (a plan, not the setup).
 */
const POOL_IDENTITY = new RegExp(
  String.raw`\b(?:app(?:lication)?[ -]?pool|pool)s?\b(?:[ \t]+\(?["']?[\w.-]{1,40}["']?\)?)?(?:[ \t]+|'s[ \t]+)(?:(?:identity|account|user)[ \t]*(?:is|=|:|was changed to|set to|changed to|to)?|(?:now[ \t]+)?(?:runs|is running|running|is configured to run|run)[ \t]+(?:as|under))[ \t]+(?:(?:a|an|the)[ \t]+)?(?:(?:(?:domain|service|managed|custom)[ \t]+(?:service[ \t]+)?(?:account|user)|g?msa)[ \t,:]*)?['"]?(${ACCOUNT})(?![\w\\$-])`,
  'gi',
);
const NOT_BEFORE = /(?:\b(?:not|never|should|could|would|will|to)|n['’]t)\s*$/i;

/** The kind of account, as the app-pool-identity-kind question's answers name it. */
function poolIdentityKind(account: string): string {
  if (/^(?:ApplicationPoolIdentity|Network ?Service|Local ?System|Local ?Service)$/i.test(account)) return 'builtin';
  if (/^(?:IIS APPPOOL|NT AUTHORITY)\\/i.test(account)) return 'builtin';
  if (/^\.\\/.test(account)) return 'local-account';
  return /\$$/.test(account) ? 'gmsa' : 'domain-account';
}

const SERVER = String.raw`(?:on|from) the (?:web ?server|server|box|iis (?:box|server))(?: itself| locally)?|(?:locally|on localhost|over rdp|via rdp|when i rdp (?:to|into) (?:the )?(?:box|server))`;
const CLIENTS = String.raw`(?:from|on) (?:the |their |our |any |other |all )?(?:clients?|client (?:pcs|machines|computers)|workstations?|desktops?|laptops?|pcs|other (?:computers|machines|pcs)|users'? (?:pcs|machines|computers)|remote (?:machines|computers|clients))`;
/** "works on the server but not from the clients": Kerberos delegation or the client's side, not the loopback check. */
const WORKS_ON_SERVER = new RegExp(String.raw`\bworks?(?: fine| ok)? (?:${SERVER})[,;]? (?:but|yet|and) (?:not|fails?|breaks?|doesn'?t(?: work)?) (?:${CLIENTS})`, 'i');
/** "fails only on the server itself, works from other machines": the loopback check's pattern. */
const FAILS_ON_SERVER = new RegExp(String.raw`\b(?:(?:fails?|breaks?|401s?|prompts?) only|only (?:fails?|breaks?|401s?|prompts?)) (?:${SERVER})|\bworks? (?:fine |ok )?(?:${CLIENTS})[,;]? (?:but|yet|and) (?:not|fails?|breaks?) (?:${SERVER})`, 'i');

export function proseFacts(text: string): ProseFact[] {
  if (!/cname|alias|http\/|:\(|\/grant|pool|server|box|locally|rdp/i.test(text)) return [];  // every fact here names an alias, an HTTP SPN, an ACE, a pool or the server
  const out: ProseFact[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    if (lineText.length > 2000) return;
    for (const m of lineText.matchAll(CNAME)) {
      if (m[1].toLowerCase() === m[2].toLowerCase()) continue;
      out.push({ key: 'dns.alias', value: m[1].toLowerCase(), line: i + 1, at: m.index ?? 0, attrs: { canonical: m[2].toLowerCase() } });
    }
    for (const m of lineText.matchAll(POOL_IDENTITY)) {
      if (NOT_BEFORE.test(lineText.slice(Math.max(0, (m.index ?? 0) - 12), m.index))) continue;
      if (/\b(?:not|never|n't|n’t|should|will)\b/i.test(m[0])) continue;
      out.push({ key: 'pool.identity', value: poolIdentityKind(m[1]), line: i + 1, at: m.index ?? 0, attrs: { account: m[1] } });
    }
    const onServer = WORKS_ON_SERVER.exec(lineText);
    if (onServer) {
      out.push({ key: 'access.works-locally-not-remote', value: 'yes', line: i + 1, at: onServer.index });
      out.push({ key: 'access.fails-only-on-server', value: 'no', line: i + 1, at: onServer.index });
    }
    const serverOnly = FAILS_ON_SERVER.exec(lineText);
    if (serverOnly && !onServer) out.push({ key: 'access.fails-only-on-server', value: 'yes', line: i + 1, at: serverOnly.index });
    for (const m of lineText.matchAll(SETSPN_ADD)) out.push({ key: 'spn.registered', value: m[1], line: i + 1, at: m.index ?? 0, ...(m[2] ? { attrs: { account: m[2] } } : {}) });
    if (!FAILURE.test(lineText) || /\bsetspn(?:\.exe)?\s+-[sa]\b/i.test(lineText)) return;
    for (const m of lineText.matchAll(HTTP_SPN)) out.push({ key: 'kerberos.http-spn-failed', value: `HTTP/${m[1]}`, line: i + 1, at: m.index ?? 0 });
  });
  const grants = new Set<string>();
  for (const g of icaclsGrants(text)) {
    // One fact per account, rights and path: a listing of a whole tree repeats the same ACEs file after file.
    const id = `${g.account}|${g.rights}|${g.path ?? ''}`.toLowerCase();
    if (grants.has(id) || grants.size >= MAX_GRANTS) continue;
    grants.add(id);
    out.push({ key: 'acl.granted', value: g.account, line: g.line, at: g.at, attrs: { rights: g.rights, read: String(g.read), ...(g.path ? { path: g.path } : {}) } });
  }
  return [...out.filter((f) => f.key !== 'acl.granted').slice(0, 20), ...out.filter((f) => f.key === 'acl.granted')];
}

const MAX_GRANTS = 60;

// Facts people state in their own words rather than paste as tool output: "portal.contoso.com is a CNAME to
// webfarm-vip.contoso.local" (what nslookup's Aliases line says), the SPN they registered ("setspn -S
// HTTP/finrep:8080 CONTOSO\svc"), and an HTTP SPN named in a failure ("4769 failure 0x7, Service Name
// HTTP/webfarm-vip.contoso.local"), which the case-level facts compare with the alias and the registered SPNs.
export interface ProseFact {
  key: 'dns.alias' | 'kerberos.http-spn-failed' | 'spn.registered' | 'acl.granted';
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
/** An account given file access: icacls /grant arguments ("/grant:r 'IIS APPPOOL\\Site:(RX)'") and icacls listings. */
const ACL_GRANT = /(?:\/grant(?::r)?[ \t]+['"]?|^[^\S\n]*(?:\S*[a-z]:\\\S*[ \t]+)?)((?:IIS APPPOOL|NT AUTHORITY|BUILTIN|[A-Z0-9][A-Z0-9-]{0,14})\\[^:'"\n\\]{1,64}|Everyone|IUSR|IIS_IUSRS):\((?:OI\)|CI\)|\(|IO\)|NP\))*(?:R|RX|M|F|W)\b/gi;
/** A failure in the same line: the SPN is what the client asked for, not one being registered. */
const FAILURE = /\b(4769|4771|failure|failed|error|0x7\b|principal[_ ]unknown|not found|unknown)\b/i;

export function proseFacts(text: string): ProseFact[] {
  if (!/cname|alias|http\/|:\((?:OI|CI|R|RX|M|F)/i.test(text)) return [];  // every fact here names an alias, an HTTP SPN or an ACE
  const out: ProseFact[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    if (lineText.length > 2000) return;
    for (const m of lineText.matchAll(CNAME)) {
      if (m[1].toLowerCase() === m[2].toLowerCase()) continue;
      out.push({ key: 'dns.alias', value: m[1].toLowerCase(), line: i + 1, at: m.index ?? 0, attrs: { canonical: m[2].toLowerCase() } });
    }
    for (const m of lineText.matchAll(ACL_GRANT)) out.push({ key: 'acl.granted', value: m[1].trim(), line: i + 1, at: m.index ?? 0 });
    for (const m of lineText.matchAll(SETSPN_ADD)) out.push({ key: 'spn.registered', value: m[1], line: i + 1, at: m.index ?? 0, ...(m[2] ? { attrs: { account: m[2] } } : {}) });
    if (!FAILURE.test(lineText) || /\bsetspn(?:\.exe)?\s+-[sa]\b/i.test(lineText)) return;
    for (const m of lineText.matchAll(HTTP_SPN)) out.push({ key: 'kerberos.http-spn-failed', value: `HTTP/${m[1]}`, line: i + 1, at: m.index ?? 0 });
  });
  return out.slice(0, 20);
}

// Facts only the whole case shows (knowledge/engine/derived-facts.ts), and the engine fixes found with them: a failed
// logon for an account the configuration gives a role, a Kerberos request for the canonical name behind an alias,
// W3C rows pasted from the server itself, a negation that does not reach across a dash.
import assert from 'node:assert/strict';
import { derivedFacts, FAILED_LOGON_ROLE_KEY, UNGRANTED_IDENTITY_KEY } from '../../knowledge/engine/derived-facts.js';
import { diagnoseInputs, type Evidence } from '../../knowledge/index.js';
import { proseFacts } from '../../knowledge/ingest/text/prose-facts.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

const kb = bundledKnowledgeBase();
const diagnose = (texts: string[]) => diagnoseInputs({ texts, files: [] }, kb);

const failedLogon = (account: string, domain: string) => `An account failed to log on.

Logon Type:			8
Account For Which Logon Failed:
	Security ID:		NULL SID
	Account Name:		${account}
	Account Domain:		${domain}
Failure Information:
	Failure Reason:		Unknown user name or bad password.
	Status:			0xC000006D
	Sub Status:		0xC000006A
Process Information:
	Caller Process Name:	C:\\Windows\\System32\\inetsrv\\w3wp.exe
Detailed Authentication Information:
	Logon Process:		Advapi
	Authentication Package:	Negotiate`;

const anonymousUser = (name: string) => `<system.webServer>
  <security>
    <authentication>
      <anonymousAuthentication enabled="true" userName="${name}" password="[enc:IISCngProvider:abc:enc]" />
    </authentication>
  </security>
</system.webServer>`;

describe('facts from the whole case', () => {
  it('ties a failed logon to the anonymous user the configuration names, across messages, and leads with that cause', async () => {
    const d = await diagnose([
      'public site moved to a new server, now every page is 401.1 and the W3C log shows 401 1 1326',
      anonymousUser('OLDWEB12\\web_anon'),
      failedLogon('web_anon', 'OLDWEB12'),
    ]);
    const top = d.hypotheses[0];
    assert.equal(top?.id, 'anonymous-identity-misconfigured');
    const cited = top.evidence.find((e) => /Anonymous Authentication names/.test(e.meaning));
    assert.ok(cited, top.evidence.map((e) => e.meaning).join('\n'));
    assert.match(cited.citation, /^your message 3: .*OLDWEB12\\web_anon, is the anonymous identity/);
    assert.ok(d.hypotheses.every((h) => h.id !== 'logonuser-bad-credentials-1326' || h.confidence < top.confidence));
  });

  it('ties a failed logon to the fixed <identity userName> and leads with its password cause', async () => {
    const d = await diagnose([
      'since the service account password rotation the app fails with a logon error',
      '<system.web>\n  <identity impersonate="true" userName="svc_portal@contoso.com" password="x" />\n</system.web>',
      failedLogon('svc_portal', 'CONTOSO'),
    ]);
    assert.equal(d.hypotheses[0]?.id, 'fixed-identity-wrong-password');
    assert.ok(d.hypotheses[0].evidence.some((e) => /<identity userName> names/.test(e.meaning)));
  });

  it('matches account names without case and by the first label of a domain, and not across different domains', () => {
    const config = (value: string): Evidence => ({ kind: 'config', key: 'system.webServer/security/authentication/anonymousAuthentication@userName', value, source: { file: 'web.config' }, excerpt: value });
    const event = (user: string, domain: string): Evidence => ({ kind: 'event', key: 'event', value: '4625', source: { file: 'message', line: 2 }, excerpt: 'event 1', attrs: { TargetUserName: user, TargetDomainName: domain } });
    const roles = (evidence: Evidence[]) => derivedFacts(evidence).filter((e) => e.key === FAILED_LOGON_ROLE_KEY).map((e) => e.value);
    assert.deepEqual(roles([config('CONTOSO\\Web_Anon'), event('web_anon', 'contoso.com')]), ['anonymous-user']);
    assert.deepEqual(roles([config('web_anon@contoso.com'), event('WEB_ANON', 'CONTOSO')]), ['anonymous-user']);
    assert.deepEqual(roles([config('FABRIKAM\\web_anon'), event('web_anon', 'CONTOSO')]), []);
    assert.deepEqual(roles([config('CONTOSO\\web_anon'), event('someone_else', 'CONTOSO')]), []);
    assert.deepEqual(roles([event('web_anon', 'CONTOSO')]), [], 'no configuration, no role');
  });

  it('reads a Kerberos error pasted from the System log, and its request for the canonical name of an alias points at the CNAME cause', async () => {
    const d = await diagnose([
      'reports fail since the portal moved behind the new load balancer, the SPN is registered, I checked',
      'C:\\> setspn -L CONTOSO\\svc_portal\nRegistered ServicePrincipalNames for CN=svc_portal,OU=Service Accounts,DC=contoso,DC=com:\n        HTTP/portal.contoso.com\n\nC:\\> nslookup portal.contoso.com\nServer:  dc01.contoso.com\nAddress:  10.0.0.10\n\nName:    lb-vip-web01.contoso.com\nAddress:  10.0.5.50\nAliases:  portal.contoso.com',
      'Source: Microsoft-Windows-Security-Kerberos  Event ID: 3\nA Kerberos error message was received:\n on logon session CONTOSO.COM\\rvega\n Error Code: 0x7 KDC_ERR_S_PRINCIPAL_UNKNOWN\n Server Realm: CONTOSO.COM\n Server Name: HTTP/lb-vip-web01.contoso.com\n Target Name: HTTP/lb-vip-web01.contoso.com@CONTOSO.COM',
    ]);
    const top = d.hypotheses[0];
    assert.equal(top?.id, 'spn-host-name-cname-mismatch');
    assert.ok(top.evidence.some((e) => /^your message 3: .*HTTP\/lb-vip-web01\.contoso\.com is the canonical name of the alias portal\.contoso\.com/.test(e.citation)));
    const missing = d.hypotheses.find((h) => h.id === 'spn-missing');
    assert.ok(!missing || missing.evidence.some((e) => e.weight < 0 && /canonical name/.test(e.meaning)), 'spn-missing, if offered, hears the counter-evidence');
  });

  it('reads a CNAME and a failed SPN stated in words, and points at the CNAME cause', async () => {
    const d = await diagnose([
      'portal.contoso.com is a CNAME -> webfarm-vip.contoso.local. setspn -L shows HTTP/portal.contoso.com on the pool account, yet clients fall back to NTLM.',
      'On the DC: 4769 failure, Failure Code 0x7, Service Name HTTP/webfarm-vip.contoso.local',
    ]);
    assert.equal(d.hypotheses[0]?.id, 'spn-host-name-cname-mismatch');
    assert.ok(d.hypotheses[0].evidence.some((e) => /^your message 2: .*canonical name of the alias portal\.contoso\.com/.test(e.citation)));
  });

  it('an SPN registered only with the port, and a failed request for the name without it, point at the SPN-form cause', async () => {
    const d = await diagnose([
      'the site runs on port 8080. I registered:\n  setspn -S HTTP/finrep.corp.contoso.com:8080 CONTOSO\\svc-finrep\nbut logons stay NTLM.\nOn the DC:\n  4769 Service Name: HTTP/finrep.corp.contoso.com  Failure Code: 0x7',
    ]);
    assert.equal(d.hypotheses[0]?.id, 'spn-host-name-cname-mismatch');
    assert.ok(d.hypotheses[0].evidence.some((e) => /only HTTP\/finrep\.corp\.contoso\.com:8080 is registered/.test(e.citation)));
    const both = await diagnose([
      'setspn -S HTTP/finrep.corp.contoso.com:8080 CONTOSO\\svc-finrep\nsetspn -S HTTP/finrep.corp.contoso.com CONTOSO\\svc-finrep\n4769 Service Name: HTTP/finrep.corp.contoso.com  Failure Code: 0x7',
    ]);
    assert.ok(!both.hypotheses.some((h) => h.evidence.some((e) => /is registered\)$/.test(e.citation))), 'the name without the port is registered too');
  });

  it('reads the account the application pool runs as from the user\'s words, as the kind the pool-identity question asks for', () => {
    const kinds = (text: string) => proseFacts(text).filter((f) => f.key === 'pool.identity').map((f) => [f.value, f.attrs?.account]);
    assert.deepEqual(kinds('the app pool runs as CONTOSO\\svc-web and windows auth is in kernel mode'), [['domain-account', 'CONTOSO\\svc-web']]);
    assert.deepEqual(kinds('AppPool identity is a gMSA, CONTOSO\\gmsa-web$'), [['gmsa', 'CONTOSO\\gmsa-web$']]);
    assert.deepEqual(kinds('pool identity: NetworkService'), [['builtin', 'NetworkService']]);
    assert.deepEqual(kinds('the pool is running as IIS APPPOOL\\Intranet'), [['builtin', 'IIS APPPOOL\\Intranet']]);
    assert.deepEqual(kinds('we changed the app pool identity to CONTOSO\\svc-new last week'), [['domain-account', 'CONTOSO\\svc-new']]);
    assert.deepEqual(kinds('the pool account is .\\localweb'), [['local-account', '.\\localweb']]);
    assert.deepEqual(kinds("the pool doesn't run as CONTOSO\\svc-web"), []);
    assert.deepEqual(kinds('the pool should run as CONTOSO\\svc-web'), []);
    assert.deepEqual(kinds('the pool recycled at 3am'), []);
  });

  it('reads where it works and fails ("works from the server but not from clients") as the answers to the two questions about it', () => {
    const facts = (text: string) => proseFacts(text).filter((f) => f.key.startsWith('access.')).map((f) => [f.key, f.value]);
    assert.deepEqual(facts('it works from the server but not from clients'), [['access.works-locally-not-remote', 'yes'], ['access.fails-only-on-server', 'no']]);
    assert.deepEqual(facts('it only fails on the server itself'), [['access.fails-only-on-server', 'yes']]);
    assert.deepEqual(facts('works from other machines but not on the server'), [['access.fails-only-on-server', 'yes']]);
    assert.deepEqual(facts('the server is fine'), []);
  });

  it('counts a pool identity said in passing toward the causes that depend on it, but never offers a cause on it alone', async () => {
    const krb = 'users get prompted and the client logs KRB_AP_ERR_MODIFIED for HTTP/intranet.contoso.com';
    const d = await diagnose([krb, 'the app pool runs as CONTOSO\\svc-web']);
    assert.equal(d.hypotheses[0]?.id, 'kernel-mode-auth-without-app-pool-credentials');
    assert.ok(d.hypotheses[0].evidence.some((e) => e.citation === 'your message 2: the app pool runs as CONTOSO\\svc-web' && e.meaning === 'the pool runs as a domain account'));
    const without = await diagnose([krb]);
    assert.ok(d.hypotheses[0].confidence > without.hypotheses.find((h) => h.id === d.hypotheses[0].id)!.confidence);
    assert.equal((await diagnose(['the app pool runs as CONTOSO\\svc-web'])).unknown, true);
  });

  it('notices an anonymous request running as IUSR on content granted only to other accounts', () => {
    const grant = (value: string, attrs: Record<string, string> = {}): Evidence => ({ kind: 'fact', key: 'acl.granted', value, source: { file: 'harden.ps1' }, excerpt: value, attrs });
    const trace = (status: string, file = 'D:\\Sites\\Public\\index.html'): Evidence[] => [
      { kind: 'trace', key: 'freb.token.user', value: 'NT AUTHORITY\\IUSR', source: { file: 'fr000019.xml', event: 1 }, excerpt: 'tokenUserName=NT AUTHORITY\\IUSR' },
      { kind: 'trace', key: 'freb.status', value: status, source: { file: 'fr000019.xml' }, excerpt: status },
      { kind: 'trace', key: 'freb.file.user', value: 'NT AUTHORITY\\IUSR', source: { file: 'fr000019.xml', event: 9 }, excerpt: 'x', attrs: { fileName: file } },
    ];
    const facts = (evidence: Evidence[]) => derivedFacts(evidence).filter((e) => e.key === UNGRANTED_IDENTITY_KEY).map((e) => e.value);
    assert.deepEqual(facts([grant('IIS APPPOOL\\PublicSite'), grant('BUILTIN\\Administrators'), ...trace('401.3')]), ['NT AUTHORITY\\IUSR']);
    assert.deepEqual(facts([grant('IIS APPPOOL\\PublicSite'), grant('IUSR'), ...trace('401.3')]), [], 'IUSR is granted');
    assert.deepEqual(facts([grant('IIS APPPOOL\\PublicSite'), grant('BUILTIN\\Users'), ...trace('401.3')]), [], 'a group every token is in');
    assert.deepEqual(facts([grant('IIS APPPOOL\\PublicSite'), grant('IIS_IUSRS'), ...trace('401.3')]), ['NT AUTHORITY\\IUSR'], 'IUSR is not in IIS_IUSRS');
    assert.deepEqual(facts([grant('IIS APPPOOL\\PublicSite'), grant('IUSR', { read: 'false' }), ...trace('401.3')]), ['NT AUTHORITY\\IUSR'], 'a write-only grant does not let IUSR read');
    assert.deepEqual(facts([grant('IIS APPPOOL\\PublicSite', { path: 'D:\\Sites\\Public\\App_Data' }), ...trace('401.3')]), [], 'a grant on another folder says nothing about this file');
    assert.deepEqual(facts([grant('IIS APPPOOL\\PublicSite', { path: 'D:\\Sites\\Public' }), ...trace('401.3')]), ['NT AUTHORITY\\IUSR'], 'a grant on the folder above it does');
    assert.deepEqual(facts([grant('IIS APPPOOL\\PublicSite'), ...trace('200.0')]), [], 'a request that succeeded');
    assert.deepEqual(facts(trace('401.3')), [], 'no grants known');
  });

  it('reads every account of a /grant command and of an icacls listing, inherited, quoted and on paths with spaces', () => {
    const granted = (text: string) => proseFacts(text).filter((f) => f.key === 'acl.granted').map((f) => [f.value, f.attrs?.read, f.attrs?.path]);
    assert.deepEqual(granted("icacls $f /inheritance:r /grant:r 'IIS APPPOOL\\PublicSite:(RX)' 'NT AUTHORITY\\IUSR:(RX)' 'BUILTIN\\Administrators:(F)'").map((g) => g[0]), ['IIS APPPOOL\\PublicSite', 'NT AUTHORITY\\IUSR', 'BUILTIN\\Administrators']);
    assert.deepEqual(granted('D:\\Sites\\My Site BUILTIN\\Users:(I)(OI)(CI)(RX)\n             NT AUTHORITY\\IUSR:(OI)(CI)(W)\n             Everyone:(DENY)(W)'), [['BUILTIN\\Users', 'true', 'D:\\Sites\\My Site'], ['NT AUTHORITY\\IUSR', 'false', 'D:\\Sites\\My Site']]);
    assert.deepEqual(granted('icacls "D:\\Sites\\Public" /grant "IIS AppPool\\Public":(OI)(CI)RX /T'), [['IIS AppPool\\Public', 'true', 'D:\\Sites\\Public']]);
    assert.deepEqual(granted('should I run icacls D:\\x /grant IUSR:(RX)?'), [], 'a question is not a grant');
    assert.deepEqual(granted('NT AUTHORITY\\IUSR:(RX) was removed yesterday'), [], 'a removal is not a grant');
    assert.deepEqual(granted('icacls D:\\x /remove IUSR /deny Everyone:(W)'), []);
  });

  it('leaves out the 401.2 challenge traces of a 200-999 tracing rule when another trace of the bundle shows the failure', async () => {
    const { readFileSync } = await import('node:fs');
    const zip = readFileSync(new URL('../fixtures/cases-q/docs-pdfs-401-after-server-move-01/FailedReqLogFiles.zip', import.meta.url));
    const d = await diagnoseInputs({ texts: ['all the PDFs under /manuals give 401 for everybody since the move'], files: [{ name: 'FailedReqLogFiles.zip', data: zip }] }, kb);
    assert.equal(d.hypotheses[0]?.id, 'ntfs-acl-denied-401-3', d.hypotheses.map((h) => h.id).join(', '));
    assert.ok(!d.hypotheses.some((h) => h.evidence.some((e) => /fr000001\.xml/.test(e.citation))), 'the challenge trace is not cited');
  });

  it('reads 401.1 rows pasted from the server itself (client address = s-ip) as the loopback-check pattern', async () => {
    const row = (cip: string, tail: string) => `2026-12-02 10:21:40 10.10.20.15 GET / - 443 - ${cip} Mozilla/5.0 - ${tail}`;
    const d = await diagnose([`W3C:\n${row('10.10.20.15', '401 2 5 0')}\n${row('10.10.20.15', '401 1 2148074252 0')}\n${row('10.10.20.15', '401 1 2148074252 0')}`]);
    const loopback = d.hypotheses.find((h) => h.id === 'loopback-check-401-1');
    assert.ok(loopback?.evidence.some((e) => /every 401\.1 comes from the server's own address/.test(e.citation)), JSON.stringify(d.hypotheses.map((h) => h.id)));
    const elsewhere = await diagnose([`W3C:\n${row('10.10.60.88', '401 1 2148074252 0')}\n${row('10.10.20.15', '401 1 2148074252 0')}`]);
    assert.ok(!elsewhere.hypotheses.some((h) => h.evidence.some((e) => /server's own address/.test(e.citation))), 'a failure from another client is not the pattern');
  });

  it('does not let "isn\'t working" negate what follows a dash, so a redirect loop is recognised as not an identity problem', async () => {
    const d = await diagnose(['after moving behind the F5 with SSL offload browsers say "This page isn\'t working - redirected you too many times"']);
    assert.equal(d.unknown, true, JSON.stringify(d.hypotheses.map((h) => h.id)));
    assert.equal(d.lookalikes?.[0]?.id, 'lookalike-redirect-loop');
    const negated = await diagnose(['Chrome did not show ERR_TOO_MANY_REDIRECTS this time, the site just answers 404']);
    assert.ok(!negated.lookalikes?.some((l) => l.id === 'lookalike-redirect-loop'));
  });
});

// Cues of the real knowledge base that tell look-alike causes apart, end to end through the shared engine.
import assert from 'node:assert/strict';
import { diagnoseInputs, type DiagnoseOutput } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

const kb = bundledKnowledgeBase();
const diagnoseText = (text: string) => diagnoseInputs({ texts: [text], files: [] }, kb);
const ids = (d: DiagnoseOutput) => d.hypotheses.map((h) => h.id);
const weightsOf = (d: DiagnoseOutput, id: string) => d.hypotheses.find((h) => h.id === id)?.evidence.map((e) => e.weight) ?? [];
/** The cause is not offered, or is offered with negative evidence whose meaning matches. */
const arguedAgainst = (d: DiagnoseOutput, id: string, meaning: RegExp) => {
  const h = d.hypotheses.find((x) => x.id === id);
  return !h || h.evidence.some((e) => e.weight < 0 && meaning.test(e.meaning));
};
const evidenceOf = (d: DiagnoseOutput, id: string) => `${id}: ${d.hypotheses.find((h) => h.id === id)?.evidence.map((e) => e.meaning).join('; ') ?? 'not offered'}`;

const KERNEL = 'kernel-mode-auth-without-app-pool-credentials';
const SPN_NAME = 'spn-host-name-cname-mismatch';

describe('knowledge base cues: useAppPoolCredentials', () => {
  it('a statement that useAppPoolCredentials is already true argues against the kernel-mode cause', async () => {
    const stated = await diagnoseText('Farm node, kernel mode on with useAppPoolCredentials=true, the pool runs as CONTOSO\\svc-web, users still get KRB_AP_ERR_MODIFIED and prompts');
    const mentioned = await diagnoseText('Farm node, kernel mode on, the pool runs as CONTOSO\\svc-web, users still get KRB_AP_ERR_MODIFIED and prompts');
    const meanings = stated.hypotheses.find((h) => h.id === KERNEL)?.evidence.map((e) => e.meaning) ?? [];
    assert.ok(!meanings.some((m) => /setting at the centre/.test(m)), meanings.join('\n'));
    assert.ok(meanings.some((m) => /already true/.test(m)), meanings.join('\n'));
    const score = (d: DiagnoseOutput) => d.hypotheses.find((h) => h.id === KERNEL)?.confidence ?? 0;
    assert.ok(score(stated) < score(mentioned), `${score(stated)} should be below ${score(mentioned)}`);
  });

  it('asking whether to set it, or pasting a node\'s config, does not count against the cause', async () => {
    const asked = await diagnoseText('Should I set useAppPoolCredentials=true? Kernel mode is on and we get 401 with KRB_AP_ERR_MODIFIED');
    assert.equal(ids(asked)[0], KERNEL);
    assert.ok(weightsOf(asked, KERNEL).every((w) => w >= 0));
    const pasted = await diagnoseText('node1: <windowsAuthentication enabled="true" useAppPoolCredentials="true">\nnode2: <windowsAuthentication enabled="true">\nnode2 users get KRB_AP_ERR_MODIFIED');
    assert.equal(ids(pasted)[0], KERNEL);
    assert.ok(weightsOf(pasted, KERNEL).every((w) => w >= 0));
  });
});

describe('knowledge base cues: the SPN the browser builds', () => {
  it('an SPN registered with a port, and a 0x7 for the name without it, point at the name mismatch before a missing SPN', async () => {
    const d = await diagnoseText(
      'The site runs on https 8443. We registered setspn -S HTTP/apps.fabrikam.com:8443 FABRIKAM\\svc-apps and useAppPoolCredentials is true. Users still get NTLM and the DC logs 4769 failure 0x7 for HTTP/apps.fabrikam.com, without the port.',
    );
    assert.equal(ids(d)[0], SPN_NAME, ids(d).join(', '));
  });

  it('the client asking for a name nobody types is evidence for the name mismatch', async () => {
    const d = await diagnoseText('apps.contoso.com is a CNAME to nlb-web.contoso.local. The client logs KDC_ERR_S_PRINCIPAL_UNKNOWN for HTTP/nlb-web.contoso.local. Why is it asking for nlb-web? Nobody types that name.');
    assert.ok(weightsOf(d, SPN_NAME).includes(5), JSON.stringify(d.hypotheses.map((h) => [h.id, h.evidence.map((e) => e.meaning)])));
    assert.ok(ids(d).slice(0, 3).includes(SPN_NAME));
  });
});

describe('knowledge base cues: what the user already checked', () => {
  it('"setspn -X found no duplicates" argues against the duplicate-SPN cause, leaving the kernel-mode cause first', async () => {
    const checked = await diagnoseText(
      'Pool runs as FABRIKAM\\svc-apps, SPN HTTP/apps.fabrikam.com on svc-apps.\nC:\\> setspn -X\nfound 0 group of duplicate SPNs.\nClients log Security-Kerberos event 4 KRB_AP_ERR_MODIFIED and get a prompt. Config Editor: useAppPoolCredentials False, useKernelMode True.',
    );
    assert.ok(arguedAgainst(checked, 'spn-duplicate', /no duplicate/), evidenceOf(checked, 'spn-duplicate'));
    const duplicate = checked.hypotheses.find((h) => h.id === 'spn-duplicate');
    assert.ok(!duplicate?.evidence.some((e) => /a duplicate SPN was reported/.test(e.meaning)), '"0 group of duplicate SPNs" is not a report of a duplicate');
    assert.equal(ids(checked)[0], KERNEL, ids(checked).join(', '));
  });
});

describe('knowledge base cues: an anonymous-only site', () => {
  it('401.1 with 1326 on a site nobody signs in to, with a specific anonymous user pasted, is the anonymous identity, not a user account', async () => {
    const d = await diagnoseText(
      [
        'Our public site returns 401.1 Logon failed for every page since last night. It is a fully anonymous site, no Windows authentication.',
        '2026-11-30 02:04:51 10.9.0.8 GET / - 443 - 203.0.113.90 Mozilla/5.0 - 401 1 1326 0',
        '<anonymousAuthentication enabled="true" userName="CONTOSO\\svc-webanon" password="[enc:IISCngProvider:...:enc]" />',
      ].join('\n'),
    );
    assert.equal(ids(d)[0], 'anonymous-identity-misconfigured', ids(d).join(', '));
    assert.ok(arguedAgainst(d, 'account-logon-failed-401-1', /anonymous-only/), evidenceOf(d, 'account-logon-failed-401-1'));
  });
});

describe('knowledge base cues: classic ASP.NET or ASP.NET Core', () => {
  const symptom = 'WindowsIdentity.GetCurrent().Name shows IIS APPPOOL\\IntranetPool while User.Identity.Name is CONTOSO\\tbakker, and the file share logs the logon from CONTOSO\\WEB03$.';

  it('a WebForms page on the .NET Framework argues against the ASP.NET Core cause', async () => {
    const d = await diagnoseText(`${symptom} WebForms 4.8, integrated pipeline, Page_Load writes the audit file.`);
    assert.equal(ids(d)[0], 'code-runs-as-app-pool-not-user', ids(d).join(', '));
    assert.ok(arguedAgainst(d, 'aspnet-core-no-automatic-impersonation', /./), evidenceOf(d, 'aspnet-core-no-automatic-impersonation'));
  });

  it('an app migrated from the .NET Framework to .NET 8 is not argued against', async () => {
    const d = await diagnoseText(`We migrated from .NET Framework 4.8 to .NET 8, in-process hosting. ${symptom}`);
    const core = d.hypotheses.find((h) => h.id === 'aspnet-core-no-automatic-impersonation');
    assert.ok(core, ids(d).join(', '));
    assert.ok(core.evidence.every((e) => !/classic ASP\.NET/.test(e.meaning)), core.evidence.map((e) => e.meaning).join('\n'));
  });
});

describe('knowledge base cues: no delegation configured at all', () => {
  it('"Do not trust this user for delegation" on the pool account is the plain double hop, not a misconfigured or blocked delegation', async () => {
    const d = await diagnoseText(
      [
        "Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON' from the web app to SQL. web.config has <identity impersonate=\"true\"/>, Integrated Security=SSPI.",
        'Front-end Kerberos is fine: klist shows HTTP/reports.contoso.local, 4624 says Kerberos. The pool runs as CONTOSO\\svc-reports.',
        'In ADUC the Delegation tab of svc-reports is on the first option ("Do not trust this user for delegation"), we never touched it.',
      ].join('\n'),
    );
    assert.equal(ids(d)[0], 'kerberos-double-hop-ntlm', ids(d).join(', '));
    for (const id of ['constrained-delegation-misconfigured', 'delegation-blocked-sensitive-account']) assert.ok(arguedAgainst(d, id, /delegation/), evidenceOf(d, id));
  });
});

describe('knowledge base cues: the server as its own client', () => {
  it('a site name the hosts file points at 127.0.0.1, and 401.1 rows from 127.0.0.1, are the loopback check', async () => {
    const d = await diagnoseText(
      [
        'Our monitoring script on WEB05 calls https://status.northwind.local/health with -UseDefaultCredentials and gets 401. status.northwind.local is in the hosts file on WEB05 pointing to 127.0.0.1.',
        '2026-11-30 14:00:01 127.0.0.1 GET /health - 443 - 127.0.0.1 WindowsPowerShell/5.1 - 401 2 5 0',
        '2026-11-30 14:00:01 127.0.0.1 GET /health - 443 - 127.0.0.1 WindowsPowerShell/5.1 - 401 1 2148074254 0',
      ].join('\n'),
    );
    assert.equal(ids(d)[0], 'loopback-check-401-1', ids(d).join(', '));
    const meanings = d.hypotheses[0].evidence.map((e) => e.meaning);
    assert.ok(meanings.some((m) => /resolves to the server itself/.test(m)) && meanings.some((m) => /from the server itself \(127\.0\.0\.1\)/.test(m)), meanings.join('\n'));
  });
});

describe('knowledge base cues: a dotless address signs in, the full name prompts', () => {
  it('"with http://wiki/ there is no prompt" is evidence that the browser does not send credentials to the full name', async () => {
    const d = await diagnoseText('Users get a credential prompt on https://wiki.contoso-int.net but with http://wiki/ there is no prompt, it just logs them in.');
    const browser = d.hypotheses.find((h) => h.id === 'browser-not-sending-credentials');
    assert.ok(browser?.evidence.some((e) => /dotless address/.test(e.meaning)), ids(d).join(', '));
    assert.equal(ids(d)[0], 'browser-not-sending-credentials', ids(d).join(', '));
  });
});

describe('knowledge base cues: look-alikes that are not identity problems', () => {
  it('a 503 from a full request queue, with the pool never stopping, gets no pool-identity cause', async () => {
    const d = await diagnoseText(
      [
        'shop.contoso.com threw 503 Service Unavailable for 20 minutes at the sale peak. Someone says it is the app pool identity password again. But the pool never stopped, no WAS events at all.',
        '2026-11-27 19:02:11 203.0.113.50 51544 10.0.1.10 443 HTTP/1.1 GET /checkout - 503 3 QueueFull ShopPool',
      ].join('\n'),
    );
    for (const id of ['app-pool-identity-password-expired', 'app-pool-missing-batch-logon-right']) assert.ok(!ids(d).includes(id), ids(d).join(', '));
  });

  it('a disk-full error argues against a folder the impersonated user cannot reach', async () => {
    // Without the look-alikes, which would keep the cause out whatever its own evidence says.
    const causesOnly = { ...kb, lookalikes: [] };
    const denied = "The export under impersonation fails: Access to the path 'D:\\\\exports\\\\a.xlsx' is denied.";
    const ACL = 'impersonated-user-acl-denied';
    const without = await diagnoseInputs({ texts: [denied], files: [] }, causesOnly);
    assert.ok(ids(without).includes(ACL), evidenceOf(without, ACL));
    const full = await diagnoseInputs({ texts: [`${denied} Event 1309 at the same time: IOException: There is not enough space on the disk.`], files: [] }, causesOnly);
    assert.ok(arguedAgainst(full, ACL, /disk is full/), evidenceOf(full, ACL));
  });

  it('"AD says the account is fine, not locked, password not expired" argues against the expired pool password', async () => {
    const d = await diagnoseText('PortalPool stops with 503 again. Last time the service account password expired. AD says the account is fine, not locked, password not expired. WAS 5002: the pool is being automatically disabled.');
    assert.ok(arguedAgainst(d, 'app-pool-identity-password-expired', /checked and is fine/), evidenceOf(d, 'app-pool-identity-password-expired'));
  });
});

describe('knowledge base cues: the pool identity named versus the pool identity seen at the resource', () => {
  const POOL = 'code-runs-as-app-pool-not-user';

  it('a pool identity that is only named (the pool\'s settings, a 1309 event\'s process account) does not make the case for the pool identity', async () => {
    const d = await diagnoseText(
      'Orders site (pool OrdersPool as ApplicationPoolIdentity) shows an error page since the release. Event 1309: Exception type: InvalidOperationException, Sequence contains no elements. Process information: Account name: IIS APPPOOL\\OrdersPool\nThread information:\n    Thread ID: 7\n    Thread account name: IIS APPPOOL\\OrdersPool\n    Is impersonating: False',
    );
    assert.ok(!ids(d).includes(POOL), evidenceOf(d, POOL));
    assert.ok(!ids(d).includes('impersonation-not-flowing-to-threads'), evidenceOf(d, 'impersonation-not-flowing-to-threads'));
    const gmsa = await diagnoseText('Our WCF pool runs as the gMSA CORP\\gmsa-orders$ and returns 503 at peak load, the worker process sits at 100% CPU.');
    assert.ok(!ids(gmsa).includes(POOL), evidenceOf(gmsa, POOL));
  });

  it('the pool identity in a report of denied access, or as the account the file server saw, counts for it', async () => {
    const denied = await diagnoseText('Writing to \\\\fs01\\drop fails: Access to the path is denied. The app uses <identity impersonate="false"/> and the pool is IIS APPPOOL\\DropPool.');
    assert.ok(denied.hypotheses.find((h) => h.id === POOL)?.evidence.some((e) => /report of denied access/.test(e.meaning)), evidenceOf(denied, POOL));
    const sql = await diagnoseText('The page fails with: The server principal "IIS APPPOOL\\HRApp" is not able to access the database "HR" under the current security context.');
    assert.ok(sql.hypotheses.find((h) => h.id === POOL)?.evidence.some((e) => /report of denied access/.test(e.meaning)), evidenceOf(sql, POOL));
    const seen = await diagnoseText('Since the move to the new server the export to the team share stops working; the file server audit shows CONTOSO\\WEB07$ creating the file, not the user.');
    assert.ok(seen.hypotheses.find((h) => h.id === POOL)?.evidence.some((e) => /the resource saw/.test(e.meaning)), evidenceOf(seen, POOL));
  });
});

describe('knowledge base cues: ASP.NET Core migrations', () => {
  const CORE = 'aspnet-core-no-automatic-impersonation';

  it('a hidden share (\\\\server\\share$) is not a computer account', async () => {
    const d = await diagnoseText('Saving to \\\\fs09\\scans$\\2026\\a.pdf fails with Access to the path is denied.');
    const meanings = d.hypotheses.flatMap((h) => h.evidence.map((e) => e.meaning));
    assert.ok(!meanings.some((m) => /computer account/.test(m)), meanings.join('\n'));
  });

  it('"migrated from .NET Framework 4.8 WebForms to ASP.NET Core" is not argued against, dots in the version and all', async () => {
    const d = await diagnoseText(
      'We migrated from .NET Framework 4.8 WebForms to ASP.NET Core 8. The old web.config had <identity impersonate="true" />, I kept it, but writing to the share is denied now.',
    );
    assert.ok(ids(d).includes(CORE), evidenceOf(d, CORE));
    assert.ok(weightsOf(d, CORE).every((w) => w >= 0), evidenceOf(d, CORE));
  });

  it('the classic <identity impersonate="true"/> relied on in an ASP.NET Core app is evidence for the cause', async () => {
    const d = await diagnoseText('ASP.NET Core 8 app on IIS, I put <identity impersonate="true"/> in web.config like in the old app but files are still written as the pool, access denied on the share.');
    assert.ok(d.hypotheses.find((h) => h.id === CORE)?.evidence.some((e) => /ignores it/.test(e.meaning)), evidenceOf(d, CORE));
  });
});

describe('knowledge base cues: a user locked out versus a pool account locked out', () => {
  it('a user who keeps getting the login box, with 401.1 and the lockout code, is the user\'s logon, not the pool\'s account', async () => {
    const d = await diagnoseText(
      'One user keeps getting the login box on the portal, everyone else is fine. IIS log:\n2026-12-01 09:12:44 10.4.0.9 GET /portal/ - 443 - 10.4.7.31 Mozilla/5.0 - 401 1 1909 31\nShe changed her password yesterday.',
    );
    assert.equal(ids(d)[0], 'account-logon-failed-401-1', ids(d).join(', '));
    assert.ok(arguedAgainst(d, 'app-pool-identity-password-expired', /never does|not a challenge/), evidenceOf(d, 'app-pool-identity-password-expired'));
  });

  it('a pool that stops with 503 after the service account was locked is still the pool\'s account', async () => {
    const d = await diagnoseText('PortalPool stops a minute after start and the site gives 503 Service Unavailable. WAS 5059. The service account CONTOSO\\svc-portal is locked out (1909).');
    assert.equal(ids(d)[0], 'app-pool-identity-password-expired', ids(d).join(', '));
  });
});

describe('knowledge base cues: a credential prompt that is not there', () => {
  it('"no login prompt" and the pool\'s Set Credentials dialog do not argue against the pool-identity causes', async () => {
    for (const text of [
      'The app pool stops and the site returns 503 Service Unavailable. No login prompt, just the 503. The service account password was changed yesterday.',
      'The application pool stops and the site returns 503. I re-entered the password in the Set Credentials dialog of the pool, still stops.',
    ]) {
      const d = await diagnoseText(text);
      for (const id of ['app-pool-identity-password-expired', 'app-pool-missing-batch-logon-right']) {
        const h = d.hypotheses.find((x) => x.id === id);
        assert.ok(h, `${id} offered for: ${text}`);
        assert.ok(!h.evidence.some((e) => /never does/.test(e.meaning)), evidenceOf(d, id));
      }
    }
  });
});

describe('knowledge base cues: a dot inside a name is not the end of a sentence', () => {
  it('a host name or a version inside a cue window (web07.contoso.com, .NET 4.8) does not cut the window short', async () => {
    const d = await diagnoseText('Users browse the CNAME portal.contoso.com and Kerberos fails, they fall back to NTLM. The SPN is on svc-web.');
    assert.ok(
      d.hypotheses.find((h) => h.id === SPN_NAME)?.evidence.some((e) => /alias name fails/.test(e.meaning)),
      evidenceOf(d, SPN_NAME),
    );
  });
});

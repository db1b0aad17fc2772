// The knowledge base's look-alikes: everyday problems reported in the words of identity failures. Each is recognised
// from a report written the way users write, and then no identity cause is offered for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addMessage, diagnose, diagnoseInputs, emptyCase, ruleOut } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

const kb = bundledKnowledgeBase();

const REPORTS: Record<string, string> = {
  'lookalike-worker-process-crash':
    'BillingPool keeps stopping, users get 503. Application log: Faulting application name: w3wp.exe, Faulting module name: clr.dll, Exception code: 0xc00000fd. Could it be the service account?',
  'lookalike-sql-authentication-login':
    "Since the DB moved, the app shows: Login failed for user 'billing_app'. Connection string has User ID=billing_app;Password=***. Is it the app pool identity?",
  'lookalike-disk-full': 'All sites return 500 since the night. Event 1309: IOException: There is not enough space on the disk. Did the pool lose rights on Temporary ASP.NET Files?',
  'lookalike-config-unreadable-500-19':
    'New server, every request gives HTTP Error 500.19 - Internal Server Error, Error Code 0x8007000d, config source points at the <aspNetCore processPath="dotnet"> line. Permissions on the folder look fine.',
  'lookalike-request-queue-full':
    'Payroll API returns 503 at month end. The pool is Started, w3wp at 100% CPU. HTTPERR: 2026-11-30 17:02:11 10.0.0.5 443 POST /api/run 503 2 QueueFull PayrollPool. Is the gMSA password rotation breaking it?',
  'lookalike-invalid-hostname-400':
    'After the migration half of the users get "Bad Request - Invalid Hostname" on the intranet, the others are signed in fine. Do I need to move the SPN?',
  'lookalike-request-too-large': 'Uploading a 40 MB scan fails with HTTP 404.13, small PDFs upload fine for the same user. Is the account missing write access?',
  'lookalike-bearer-token-401':
    'Our API returns 401 to the mobile app, response header WWW-Authenticate: Bearer error="invalid_token", error_description="The audience is invalid". Windows auth is disabled on that site.',
  'lookalike-directory-listing-403-14':
    'The new SPA on IIS gives HTTP Error 403.14 - Forbidden, The Web server is configured to not list the contents of this directory. Does IUSR need rights on the folder?',
  'lookalike-tls-certificate':
    'The web server calling our back end fails with "The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel" since Monday. The pool runs as CONTOSO\\svc-web.',
  'lookalike-ip-restriction-403-6': 'Users from the branch office get 403.6 on the HR site, head office is fine. Same AD group for everybody.',
  'lookalike-redirect-loop':
    'Since the site sits behind the new load balancer with SSL offload, Chrome says ERR_TOO_MANY_REDIRECTS. Is Windows authentication looping?',
};

/** More ways users report the same look-alikes. */
const MORE_REPORTS: [string, string][] = [
  ['the system drive is full (0 bytes free), access denied writing to Temporary ASP.NET Files', 'lookalike-disk-full'],
  ['our w3wp keeps crashing every hour, the debugdiag dump shows a StackOverflowException. it is not a permissions problem', 'lookalike-worker-process-crash'],
  ['The request was aborted: Could not create SSL/TLS secure channel.', 'lookalike-tls-certificate'],
  ['Edge: "This page isn\'t working - intranet redirected you too many times." The login page redirects to itself', 'lookalike-redirect-loop'],
  ['Chrome says "Your connection is not private" NET::ERR_CERT_COMMON_NAME_INVALID on the intranet', 'lookalike-tls-certificate'],
];

describe('knowledge base look-alikes', () => {
  for (const [text, id] of MORE_REPORTS) {
    it(`${id}, in other words: "${text.slice(0, 50)}..."`, async () => {
      const d = await diagnoseInputs({ texts: [text], files: [] }, kb);
      assert.equal(d.lookalikes?.[0]?.id, id, JSON.stringify({ lookalikes: d.lookalikes?.map((l) => l.id), causes: d.hypotheses.map((h) => h.id) }));
    });
  }

  it('has a report here for every look-alike', () => {
    assert.deepEqual(Object.keys(REPORTS).sort(), kb.lookalikes.map((l) => l.id).sort());
  });

  for (const [id, text] of Object.entries(REPORTS)) {
    it(`${id}: recognised, cited, and no identity cause is offered`, async () => {
      const d = await diagnoseInputs({ texts: [text], files: [] }, kb);
      assert.equal(d.lookalikes?.[0]?.id, id, JSON.stringify({ lookalikes: d.lookalikes?.map((l) => l.id), causes: d.hypotheses.map((h) => h.id) }));
      assert.ok(d.lookalikes![0].evidence.length > 0);
      assert.equal(d.unknown, true, d.hypotheses.map((h) => `${h.id}: ${h.evidence.map((e) => `${e.weight} ${e.meaning}`).join('; ')}`).join('\n'));
    });
  }

  const GENUINE: [string, string][] = [
    [
      "The web app impersonates the caller and queries SQL on DB02, a double hop from the web server: Login failed for user '(null)'. Reason: Not associated with a trusted SQL Server connection.",
      'kerberos-double-hop-ntlm',
    ],
    ['Users get HTTP 401.1 since the password change, the account is locked out (0xC0000234). We do not use OAuth or JWT here.', 'account-logon-failed-401-1'],
    [
      "The upload writes to \\\\fs01\\uploads under impersonation and fails: Access to the path '\\\\fs01\\uploads\\a.pdf' is denied. maxRequestLength is 100 MB, so size is not the issue.",
      'impersonated-user-acl-denied',
    ],
    ['HTTP Error 500.19 - Internal Server Error, Error Code 0x80070005, on the new server where we installed the ASP.NET Core hosting bundle.', 'config-access-denied-500-19'],
    ['Site returns 503 and the application pool stops since the service account password was rotated. WAS event 5021. No stack overflow, no access violation in the logs.', 'app-pool-identity-password-expired'],
    ["We ruled out disk full, there are 200 GB free. Access to the path 'D:\\\\data\\\\x.txt' is denied under impersonation.", 'impersonated-user-acl-denied'],
    ['The share denies access to IIS APPPOOL\\\\Intranet instead of the user. Found a stackoverflow thread about it.', 'code-runs-as-app-pool-not-user'],
    [
      'Behind the F5 with SSL offload the NTLM handshake loops: 401.1 with 0x80090346 on every request and the browser keeps prompting. Extended Protection is Required on the site.',
      'extended-protection-proxy-ssl-offload',
    ],
  ];
  for (const [text, expected] of GENUINE) {
    it(`lets a genuine identity failure through: ${expected}`, async () => {
      const d = await diagnoseInputs({ texts: [text], files: [] }, kb);
      assert.ok(d.hypotheses.slice(0, 3).some((h) => h.id === expected), JSON.stringify({ causes: d.hypotheses.map((h) => h.id), lookalikes: d.lookalikes?.map((l) => l.id) }));
      assert.deepEqual(d.lookalikes?.map((l) => l.id) ?? [], [], 'nothing in it is a look-alike');
    });
  }

  it('lets a tie go to the cause: a 403.6 the user calls expected does not hide the 401.1 loopback failure beside it', async () => {
    const d = await diagnoseInputs(
      {
        texts: [
          'Browsing the site on the web server itself gives 3 prompts and then 401.1 Logon failed, event 4625 logon type 3 status 0xC000006D; from the PCs it works. Outside subnets get 403.6, that is expected.',
        ],
        files: [],
      },
      kb,
    );
    assert.equal(d.hypotheses[0]?.id, 'loopback-check-401-1', JSON.stringify({ causes: d.hypotheses.map((h) => h.id), lookalikes: d.lookalikes?.map((l) => l.id) }));
  });

  it('brings a ruled-out look-alike back, marked, for strong new evidence, and keeps it out for nothing new', async () => {
    const c = addMessage(emptyCase(), 'The pool keeps stopping. Application log: Faulting application name: w3wp.exe');
    assert.equal(diagnose(kb, c).lookalikes?.[0]?.id, 'lookalike-worker-process-crash');
    ruleOut(c, 'lookalike-worker-process-crash');
    assert.deepEqual(diagnose(kb, c).lookalikes, []);
    addMessage(c, 'It happened again, nothing new.');
    assert.deepEqual(diagnose(kb, c).lookalikes, []);
    addMessage(c, 'The dump shows exception code 0xc00000fd, and WAS logged event 5011 five times before Rapid-Fail Protection disabled the pool.');
    const back = diagnose(kb, c).lookalikes?.[0];
    assert.equal(back?.id, 'lookalike-worker-process-crash');
    assert.equal(back?.reconsidered, true);
  });

  it('reads the statuses of a pasted IIS log as lines of a log, not as the failure: one 403.14 line does not hide the handshake causes', async () => {
    const log = readFileSync(new URL('../fixtures/ingest/w3c/auth-401-1-loop.log', import.meta.url), 'utf8');
    const withLine = `${log.trimEnd()}\n2024-03-04 08:00:09 10.0.0.5 GET /intranet/scripts/ - 443 - 10.0.0.31 Mozilla/5.0 - 403 14 0 15\n`;
    const files = (text: string) => [{ name: 'u_ex240304.log', data: Buffer.from(text) }];
    const plain = await diagnoseInputs({ texts: ['Users keep getting the login prompt on the intranet site'], files: files(log) }, kb);
    const mixed = await diagnoseInputs({ texts: ['Users keep getting the login prompt on the intranet site'], files: files(withLine) }, kb);
    assert.ok(plain.hypotheses.length > 0);
    assert.deepEqual(mixed.hypotheses.map((h) => h.id), plain.hypotheses.map((h) => h.id));
    assert.deepEqual(mixed.lookalikes, []);
  });

  it('takes a failure repeated through an IIS log (403.503 on dozens of lines) as the failure itself, unlike the 401s of a handshake', async () => {
    const header = '#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n';
    const row = (i: number, user: string, status: string) => `2026-11-03 07:${String(i % 60).padStart(2, '0')}:10 10.20.1.15 GET /reports/q${i}.aspx - 443 ${user} 10.99.${i % 200}.7 Mozilla/5.0 - ${status} 0 15\n`;
    const lines = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? row(i, '-', '403 503') : row(i, 'CONTOSO\\anna', '200 0'))).join('');
    const d = await diagnoseInputs({ texts: ['finance cannot open the portal from home, the office is fine'], files: [{ name: 'u_ex261103.log', data: Buffer.from(header + lines) }] }, kb);
    assert.equal(d.unknown, true, d.hypotheses.map((h) => h.id).join(', '));
    assert.equal(d.lookalikes?.[0]?.id, 'lookalike-ip-restriction-403-6');
    const twoLines = await diagnoseInputs({ texts: ['finance cannot open the portal from home, the office is fine'], files: [{ name: 'u_ex261103.log', data: Buffer.from(header + row(1, '-', '403 503') + row(2, '-', '403 503') + row(3, 'CONTOSO\\anna', '200 0')) }] }, kb);
    assert.notEqual(twoLines.lookalikes?.[0]?.id, 'lookalike-ip-restriction-403-6', 'two stray lines settle nothing');
  });

  it('reads a pool that serves for a few minutes and then stops as a crash, not as a pool account that cannot log on', async () => {
    const d = await diagnoseInputs({ texts: ['CRM site down with 503, the app pool stops by itself. I started the pool, works for a few min then stops again. Rapid-fail protection disabled it.'], files: [] }, kb);
    assert.ok(!d.hypotheses.some((h) => h.id === 'app-pool-identity-password-expired' && h.confidenceLabel !== 'low'), d.hypotheses.map((h) => `${h.id} ${h.confidence}`).join(', '));
    assert.equal(d.lookalikes?.[0]?.id, 'lookalike-worker-process-crash');
  });

  it('asks the deciding question when a 500.19 only comes with a product named, instead of hiding the 500.19 causes', async () => {
    const d = await diagnoseInputs({ texts: ['HTTP Error 500.19 - Internal Server Error on our ASP.NET Core site after we installed the hosting bundle'], files: [] }, kb);
    assert.ok(d.hypotheses.some((h) => h.id === 'config-access-denied-500-19'), d.hypotheses.map((h) => h.id).join(', '));
    assert.equal(d.question?.id, 'config-error-code');
  });

  it('does not take over a real identity failure that mentions the same things', async () => {
    const d = await diagnoseInputs(
      { texts: ['After the CIS baseline GPO every css and js file returns 500 with 0x80070542; the pool also crashed once last month with a stack overflow'], files: [] },
      kb,
    );
    assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
  });
});

describe('a bare 500.19: the question that tells its HRESULTs apart', () => {
  it('asks for the 500.19 error code, and each answer settles it: access, a locked section, or the unparsable-config look-alike', async () => {
    const asked = await diagnoseInputs({ texts: ['getting HTTP Error 500.19 on the new server'], files: [] }, kb);
    assert.equal(asked.question?.id, 'config-error-code');
    const answer = (value: string) => diagnoseInputs({ texts: ['getting HTTP Error 500.19 on the new server'], files: [], answers: { 'config-error-code': value } }, kb);
    assert.equal((await answer('access-denied')).hypotheses[0]?.id, 'config-access-denied-500-19');
    assert.equal((await answer('locked')).hypotheses[0]?.id, 'auth-section-locked-500-19');
    const invalid = await answer('invalid-data');
    assert.equal(invalid.unknown, true);
    assert.equal(invalid.lookalikes?.[0]?.id, 'lookalike-config-unreadable-500-19');
  });
});

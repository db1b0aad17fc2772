// Ordinary reports that the signatures and facts added for blind set j must not misread (found by review).
import assert from 'node:assert/strict';
import { diagnoseInputs, type Diagnosis } from '../../knowledge/index.js';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

const kb = bundledKnowledgeBase();
const diagnose = (text: string): Promise<Diagnosis> => diagnoseInputs({ texts: [text], files: [] }, kb);
const ids = (d: Diagnosis) => d.hypotheses.map((h) => h.id);

describe('signature edges', () => {
  it('reads "only in Firefox, Edge works fine" as the browser not sending credentials', async () => {
    const d = await diagnoseInputs({ texts: ['our sharepoint site keeps asking for a password, users type it 3 times and then get 401', 'only in firefox, edge works fine'], files: [] }, kb);
    assert.equal(d.hypotheses[0]?.id, 'browser-not-sending-credentials');
    assert.ok(d.hypotheses[0].evidence.some((e) => /^your message 2: /.test(e.citation) && /depends on the browser/.test(e.meaning)));
  });

  it('does not read "the log shows the right user, yet access fails" as ASP.NET Core unless the app is ASP.NET Core', async () => {
    const d = await diagnose('The app log shows the correct user, yet opening \\\\fs01\\reports fails with access denied from web01 only');
    assert.ok(!d.hypotheses.some((h) => h.id === 'aspnet-core-no-automatic-impersonation'), ids(d).join(', '));
    const core = await diagnose('We moved the import service to .NET 8 in-process on IIS. The log shows the right user, but saving to the share fails with access denied.');
    assert.ok(core.hypotheses.some((h) => h.id === 'aspnet-core-no-automatic-impersonation'), ids(core).join(', '));
  });

  it('reads a rotated or changed pool account password, in either word order, as the password cause', async () => {
    for (const text of ['our pool stops with 503 after we rotated the service account password', '503 service unavailable after changing the password of the app pool account']) {
      assert.equal((await diagnose(text)).hypotheses[0]?.id, 'app-pool-identity-password-expired', text);
    }
  });

  it('reads a prompt in a named browser as the browser not sending credentials', async () => {
    assert.equal((await diagnose('windows auth keeps prompting for password in chrome on our intranet app')).hypotheses[0]?.id, 'browser-not-sending-credentials');
  });

  it('takes "kernel mode authentication is disabled" as against the kernel-mode cause, and "off now and it works" as not', async () => {
    const off = await diagnose('kernel mode authentication is disabled, useAppPoolCredentials is not set, clients log KRB_AP_ERR_MODIFIED');
    assert.notEqual(off.hypotheses[0]?.id, 'kernel-mode-auth-without-app-pool-credentials', ids(off).join(', '));
    assert.equal((await diagnose('clients logged KRB_AP_ERR_MODIFIED; kernel mode is off now and it works')).hypotheses[0]?.id, 'kernel-mode-auth-without-app-pool-credentials');
  });

  it('does not read ".com" in a host name as a COM component', async () => {
    for (const text of [
      'the MVC controller on web01.contoso.com calls the Web API on api.contoso.com and gets 401 as the app pool identity',
      'The .asmx service on intranet.contoso.com returns access denied 0x80070005 when it writes the export file',
    ]) {
      assert.notEqual((await diagnose(text)).hypotheses[0]?.id, 'sta-com-access-denied-aspcompat', text);
    }
  });

  it('lets a 401 or a failed logon in a redirect loop reach the identity causes', async () => {
    const d = await diagnose('With Windows auth on, users who are not in the HR group end in a redirect loop to /Account/Login, the log shows 401.1 with 0xc000006d first');
    assert.equal(d.unknown, false, JSON.stringify(d.lookalikes?.map((l) => l.id)));
  });

  it('reads the accounts icacls grants, from a /grant argument and from a listing', () => {
    const granted = parseText('harden.ps1', "icacls $f /inheritance:r /grant:r 'IIS APPPOOL\\PublicSite:(RX)' 'BUILTIN\\Administrators:(F)'\nD:\\Sites\\Public NT AUTHORITY\\SYSTEM:(OI)(CI)(F)")
      .evidence.filter((e) => e.key === 'acl.granted')
      .map((e) => e.value);
    assert.ok(granted.includes('IIS APPPOOL\\PublicSite'), JSON.stringify(granted));
    assert.ok(granted.includes('NT AUTHORITY\\SYSTEM'), JSON.stringify(granted));
  });

  it('does not take the SPN of a setspn command, or one with a port, for a failed request', () => {
    for (const text of [
      'setspn.exe -S HTTP/finrep.corp.contoso.com:8080 CONTOSO\\svc-finrep failed with a duplicate error',
      'HTTP/finrep.corp.contoso.com:8443 is registered, but users still get error 401.1',
    ]) {
      assert.deepEqual(parseText('message', text).evidence.filter((e) => e.key === 'kerberos.http-spn-failed'), [], text);
    }
  });

  it('reads "from every machine, nothing works" as failing everywhere, not as working elsewhere', async () => {
    const d = await diagnose('The site fails with 401.1 from every machine, nothing works, the account is locked out 0xC0000234');
    assert.ok(!d.hypotheses.some((h) => h.evidence.some((e) => /other (computers|machines)|works from other machines/.test(e.meaning))), JSON.stringify(ids(d)));
  });

  it('keeps negations over hyphenated words and curly apostrophes', async () => {
    const plain = await diagnose('Behind the F5 with SSL offload users get 401.1 and prompts. We have re-enabled extended protection on the site.');
    const negated = await diagnose('Behind the F5 with SSL offload users get 401.1 and prompts. We haven’t re-enabled extended protection on the site.');
    const weight = (d: Diagnosis) => d.hypotheses.find((h) => h.id === 'extended-protection-proxy-ssl-offload')?.evidence.find((e) => /Extended Protection or channel binding was named/.test(e.meaning))?.weight ?? 0;
    assert.ok(weight(plain) > 0);
    assert.ok(weight(negated) <= 0, 'the negated mention does not count for the cause');
  });

  it('reads a Kerberos-looking event 3 from another provider as nothing about SPNs', async () => {
    const d = await diagnoseInputs(
      {
        texts: [
          'portal.contoso.com is a CNAME to webfarm-vip.contoso.local',
          'Log Name: Application\nSource: MyApp\nEvent ID: 3\nLevel: Error\nDescription:\nServer Name: HTTP/webfarm-vip.contoso.local',
        ],
        files: [],
      },
      kb,
    );
    assert.ok(!d.hypotheses.some((h) => h.evidence.some((e) => /canonical name of the alias/.test(e.citation))), JSON.stringify(ids(d)));
  });
});

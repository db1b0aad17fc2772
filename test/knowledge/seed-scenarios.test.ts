// The two seed documents' scenarios, end to end through the shared engine with the real knowledge base.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseInputs } from '../../knowledge/index.js';
import { bundledKnowledgeBase, repoRoot } from '../../runtime/kb-files.js';

const fixture = (...parts: string[]) => readFileSync(join(repoRoot, 'test', 'fixtures', ...parts));
const kb = bundledKnowledgeBase();

describe('seed scenario: MBAM portals and SeImpersonatePrivilege', () => {
  const words = 'our MBAM helpdesk and self-service portals show only text, no graphics. every file except index.html gets a 500';

  it('ranks the SeImpersonatePrivilege cause first from the description alone', async () => {
    const d = await diagnoseInputs({ texts: [words], files: [] }, kb);
    assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
    assert.ok(d.hypotheses[0].steps.some((s) => /Impersonate a client after authentication/.test(s)));
  });

  it('ranks it first with high confidence for a 0x80070542 trace, citing the trace event', async () => {
    const d = await diagnoseInputs(
      { texts: [words], files: [{ name: 'fr000041.xml', data: fixture('ingest', 'freb', 'mbam-static-500-0x80070542.xml') }] },
      kb,
    );
    const top = d.hypotheses[0];
    assert.equal(top.id, 'seimpersonate-privilege-removed');
    assert.equal(top.confidenceLabel, 'high');
    assert.ok(
      top.evidence.some((e) => /^fr000041\.xml, event \d+: .*0x80070542/.test(e.citation)),
      top.evidence.map((e) => e.citation).join('\n'),
    );
    assert.ok(d.codes.some((c) => c.canonical === '0x80070542' && c.name === 'ERROR_BAD_IMPERSONATION_LEVEL'));
  });

  it('ranks it first for a W3C log where only the index page succeeds (500 0 1346)', async () => {
    const d = await diagnoseInputs(
      { texts: [], files: [{ name: 'u_ex240304.log', data: fixture('ingest', 'w3c', 'mbam-only-index-500-1346.log') }] },
      kb,
    );
    assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
    assert.ok(d.hypotheses[0].evidence.some((e) => e.citation.startsWith('u_ex240304.log, line ')));
  });

  it('ranks it first when only the code is pasted', async () => {
    const d = await diagnoseInputs({ texts: ['0x80070542'], files: [] }, kb);
    assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
  });
});

describe('seed scenario: ASP.NET impersonation and delegation', () => {
  it('diagnoses <identity impersonate="true"> in Integrated mode (500.24) from the error page text', async () => {
    const d = await diagnoseInputs(
      {
        texts: [
          'HTTP Error 500.24 - Internal Server Error. An ASP.NET setting has been detected that does not apply in Integrated managed pipeline mode.',
        ],
        files: [],
      },
      kb,
    );
    assert.equal(d.hypotheses[0]?.id, 'identity-impersonate-integrated-500-24');
  });

  it('diagnoses the 500.24 from a trace and cites ConfigurationValidationModule', async () => {
    const d = await diagnoseInputs(
      { texts: [], files: [{ name: 'fr000007.xml', data: fixture('ingest', 'freb', 'integrated-identity-500-24.xml') }] },
      kb,
    );
    assert.equal(d.hypotheses[0]?.id, 'identity-impersonate-integrated-500-24');
    assert.ok(d.hypotheses[0].evidence.some((e) => /ConfigurationValidationModule/.test(e.citation)));
  });

  it('diagnoses the double hop when the back end sees ANONYMOUS LOGON', async () => {
    const d = await diagnoseInputs(
      {
        texts: [
          "the intranet app uses windows auth and impersonation, works when I browse on the web server, but from my desk the SQL call fails with Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'",
        ],
        files: [],
      },
      kb,
    );
    assert.equal(d.hypotheses[0]?.id, 'kerberos-double-hop-ntlm');
  });

  it('diagnoses the double hop from a front-end trace that shows NTLM was used', async () => {
    const d = await diagnoseInputs(
      { texts: [], files: [{ name: 'fr000012.xml', data: fixture('ingest', 'freb', 'double-hop-ntlm-500.xml') }] },
      kb,
    );
    assert.equal(d.hypotheses[0]?.id, 'kerberos-double-hop-ntlm');
    assert.ok(d.hypotheses[0].evidence.some((e) => /NTLM/i.test(e.citation)));
  });

  it('answers LogonUser 1385 with the logon-right cause', async () => {
    const d = await diagnoseInputs({ texts: ['LogonUser fails with error 1385 for our service account'], files: [] }, kb);
    assert.equal(d.hypotheses[0]?.id, 'logon-type-not-granted-1385');
  });
});

describe('engine honesty', () => {
  it('says unknown for a problem outside the knowledge base and says what would help', async () => {
    const d = await diagnoseInputs({ texts: ['the printer on floor 3 jams every morning'], files: [] }, kb);
    assert.equal(d.unknown, true);
    assert.equal(d.hypotheses.length, 0);
  });

  it('reports a bad file by name and still diagnoses from the rest', async () => {
    const d = await diagnoseInputs(
      {
        texts: [],
        files: [
          { name: 'broken.xml', data: Buffer.from('<failedRequest url="http://x/"><Event>') },
          { name: 'fr000041.xml', data: fixture('ingest', 'freb', 'mbam-static-500-0x80070542.xml') },
        ],
      },
      kb,
    );
    assert.ok(d.errors.some((e) => e.file === 'broken.xml' && e.message.length > 0), JSON.stringify(d.errors));
    assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
  });
});

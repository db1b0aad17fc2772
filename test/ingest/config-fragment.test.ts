// Configuration without its <configuration> root: `appcmd list config` sections, an apppool's /config, and settings
// quoted in a message or a text file. Same keys as a whole web.config, cited at their own lines, secrets redacted.
import assert from 'node:assert/strict';
import { ingestFiles } from '../../knowledge/ingest/index.js';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { configFragments } from '../../knowledge/ingest/config/fragment.js';
import { diagnoseInputs } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { find, values } from './helpers.js';

const APPCMD_WINAUTH = `<system.webServer>
  <security>
    <authentication>
      <windowsAuthentication enabled="true" useKernelMode="true" useAppPoolCredentials="false">
        <providers>
          <add value="Negotiate" />
          <add value="NTLM" />
        </providers>
      </windowsAuthentication>
    </authentication>
  </security>
</system.webServer>
`;

const APPCMD_POOL = `<?xml version="1.0" encoding="UTF-8"?>
<add name="Portal" managedRuntimeVersion="v4.0" managedPipelineMode="Integrated">
    <processModel identityType="SpecificUser" userName="CONTOSO\\svc-portal" password="Plain-Text-Pw1!" />
</add>
`;

describe('config fragments', () => {
  it('reads an appcmd list config section as configuration, with the lines of the upload', async () => {
    const r = await ingestFiles([{ name: 'winauth.xml', data: Buffer.from(APPCMD_WINAUTH) }]);
    assert.equal(r.files[0].format, 'config');
    const kernel = find(r.evidence, 'system.webServer/security/authentication/windowsAuthentication@useKernelMode', 'true');
    assert.equal(kernel?.source.line, 4);
    assert.equal(find(r.evidence, 'system.webServer/security/authentication/windowsAuthentication/providers', 'Negotiate,NTLM')?.source.line, 5);
    assert.equal(r.files[0].redactedText?.startsWith('<system.webServer>'), true, 'the stored copy is the upload, not the wrapped document');
  });

  it("reads an apppool's /config with its XML declaration, redacting the password", async () => {
    const r = await ingestFiles([{ name: 'pool.xml', data: Buffer.from(APPCMD_POOL) }]);
    assert.equal(r.files[0].format, 'config');
    assert.equal(find(r.evidence, 'system.applicationHost/applicationPools/add@managedPipelineMode', 'Integrated')?.attrs?.name, 'Portal');
    assert.equal(find(r.evidence, 'system.applicationHost/applicationPools/add/processModel@identityType', 'SpecificUser')?.source.line, 3);
    assert.ok(find(r.evidence, 'secrets.plaintext-credentials', 'true'));
    assert.ok(!JSON.stringify(r).includes('Plain-Text-Pw1!'));
  });

  it('reads settings quoted in text at their own line, and leaves prose with a stray tag alone', () => {
    const text = 'our web.config:\n<system.web>\n  <identity impersonate="true" />\n</system.web>\nand the <add> button in IIS manager does nothing, <identity is broken';
    const ev = parseText('notes.txt', text).evidence;
    assert.equal(find(ev, 'system.web/identity@impersonate', 'true')?.source.line, 3);
    assert.equal(values(ev, 'system.web/identity@impersonate').length, 1);
    assert.deepEqual(configFragments('click <add> then <identity> in the <system.web> section'), []);
  });

  it('places a lone element under its section: <identity>, <windowsAuthentication>, system.web or system.webServer <authentication>', () => {
    const ev = (t: string) => parseText('message', t).evidence.filter((e) => e.kind === 'config').map((e) => `${e.key}=${e.value}`);
    assert.deepEqual(ev('we have this in web.config:\n  <identity impersonate="true"/>\n'), ['system.web/identity@impersonate=true']);
    assert.deepEqual(ev('Should I add <identity impersonate="true" /> to web.config?'), [], 'a setting named in a sentence is talk, not the configuration');
    assert.deepEqual(ev('we removed <identity impersonate="true"/> last week'), []);
    assert.deepEqual(ev('<authentication mode="Windows" />'), ['system.web/authentication@mode=Windows']);
    assert.deepEqual(ev('<windowsAuthentication enabled="true" useAppPoolCredentials="true" />'), [
      'system.webServer/security/authentication/windowsAuthentication@enabled=true',
      'system.webServer/security/authentication/windowsAuthentication@useAppPoolCredentials=true',
    ]);
    assert.deepEqual(ev('<authentication><anonymousAuthentication enabled="false" /></authentication>'), ['system.webServer/security/authentication/anonymousAuthentication@enabled=false']);
  });

  describe('through the engine', () => {
    const kb = bundledKnowledgeBase();

    it('diagnoses from configuration pasted into a chat message, citing the message', async () => {
      const d = await diagnoseInputs({ texts: [`Kerberos fails since the pool runs as CONTOSO\\svc-web, users get prompted. appcmd says:\n${APPCMD_WINAUTH}`], files: [] }, kb);
      const top = d.hypotheses[0];
      assert.equal(top?.id, 'kernel-mode-auth-without-app-pool-credentials');
      assert.ok(top.evidence.some((e) => e.citation.startsWith('your message 1') && /useAppPoolCredentials|app pool credentials|pool's credentials/i.test(`${e.citation} ${e.meaning}`)));
    });

    it('does not offer 500.24 for <identity impersonate="true"/> in a pool said to run Classic', async () => {
      const d = await diagnoseInputs({ texts: ['WebForms app with <identity impersonate="true"/>, classic pool. Files on the share give access denied in background threads.'], files: [] }, kb);
      assert.ok(!d.hypotheses.some((h) => h.id === 'identity-impersonate-integrated-500-24'), d.hypotheses.map((h) => h.id).join(', '));
    });
  });
});

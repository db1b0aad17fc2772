// The output of whoami, secedit / secpol / gpresult, setspn and klist, uploaded or pasted, through the shared engine
// with the real knowledge base: the facts they state confirm or refute the causes they bear on, cited by line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseInputs } from '../../knowledge/index.js';
import { bundledKnowledgeBase, repoRoot } from '../../runtime/kb-files.js';

const kb = bundledKnowledgeBase();
const sample = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'ingest', 'tools', name));
const withFile = (name: string, texts: string[] = []) => diagnoseInputs({ texts, files: [{ name, data: sample(name) }] }, kb);
const MBAM = 'our mbam portal shows only text, the css and js files return 500';

describe('the engine on Windows tool output', () => {
  it("confirms the SeImpersonatePrivilege cause from a worker process's whoami /priv, citing the list", async () => {
    const d = await withFile('whoami-priv-pool-missing.txt', ['static files give 500 since the hardening GPO']);
    const top = d.hypotheses[0];
    assert.equal(top?.id, 'seimpersonate-privilege-removed');
    assert.equal(top.confidenceLabel, 'high');
    assert.ok(
      top.evidence.some((e) => /^whoami-priv-pool-missing\.txt, line \d+: .*do not include SeImpersonatePrivilege/.test(e.citation)),
      top.evidence.map((e) => e.citation).join('\n'),
    );
  });

  for (const name of ['secedit-rights-missing-iis_iusrs.inf', 'secedit-rights-missing-iis_iusrs-utf16.inf', 'secpol-export-list.txt', 'gpresult-rights.html']) {
    it(`finds the cause in a user-rights export alone: ${name}`, async () => {
      const d = await withFile(name);
      assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
      assert.ok(d.hypotheses[0].evidence.some((e) => e.citation.startsWith(`${name}, line `) && /IIS_IUSRS/.test(e.meaning)));
    });
  }

  it('names the winning GPO of a gpresult report in the cited line', async () => {
    const d = await withFile('gpresult-rights.html');
    const cited = d.hypotheses[0].evidence.find((e) => /IIS_IUSRS/.test(e.meaning));
    assert.match(cited?.citation ?? '', /Impersonate a client after authentication .*CIS Windows Server 2019 L1 - Member Server/);
  });

  it('does not offer the cause when the export shows IIS_IUSRS holding the right, or the pool token holding it', async () => {
    for (const name of ['secedit-rights-ok.inf', 'whoami-all-pool-ok.txt']) {
      const d = await withFile(name, [MBAM]);
      assert.ok(!d.hypotheses.some((h) => h.id === 'seimpersonate-privilege-removed'), `${name}: ${d.hypotheses.map((h) => h.id).join(', ')}`);
    }
    const alone = await diagnoseInputs({ texts: [MBAM], files: [] }, kb);
    assert.equal(alone.hypotheses[0]?.id, 'seimpersonate-privilege-removed', 'the words alone do point at it');
  });

  it("reads nothing into a standard user's or an administrator's privileges: neither says whether the pool holds it", async () => {
    const alone = await diagnoseInputs({ texts: [MBAM], files: [] }, kb);
    for (const name of ['whoami-priv-user-nonelevated.txt', 'whoami-all-admin.txt']) {
      const d = await withFile(name, [MBAM]);
      assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
      assert.equal(d.hypotheses[0].confidence, alone.hypotheses[0].confidence, name);
    }
  });

  it('does not count the words of a privilege table as the user naming the right', async () => {
    const d = await withFile('whoami-all-pool-missing.txt');
    const cited = d.hypotheses[0]?.evidence.map((e) => e.meaning) ?? [];
    assert.ok(!cited.some((m) => /was named/.test(m)), cited.join('\n'));
  });

  it('reads a whoami table pasted into a chat message', async () => {
    const d = await diagnoseInputs({ texts: [sample('pasted-chat-whoami.txt').toString('utf8')], files: [] }, kb);
    assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
    assert.ok(d.hypotheses[0].evidence.some((e) => /^your message 1: .*do not include SeImpersonatePrivilege/.test(e.citation)));
  });

  it('finds the batch-logon cause in an export that denies the pool account the batch logon', async () => {
    const d = await withFile('secedit-rights-batch-denied.inf', ['the app pool stops by itself and the site gives 503']);
    const top = d.hypotheses[0];
    assert.equal(top?.id, 'app-pool-missing-batch-logon-right');
    assert.ok(top.evidence.some((e) => /SeDenyBatchLogonRight = .*CONTOSO\\svc-web/.test(e.citation)));
  });

  it('finds a duplicate SPN in setspn -Q and -X output, and weighs "found 0 group" against it', async () => {
    for (const name of ['setspn-q-duplicate.txt', 'setspn-x-duplicates.txt']) assert.equal((await withFile(name))?.hypotheses[0]?.id, 'spn-duplicate', name);
    const words = 'KRB_AP_ERR_MODIFIED in the system log when users open the intranet';
    const without = await diagnoseInputs({ texts: [words], files: [] }, kb);
    const withNone = await withFile('setspn-x-none.txt', [words]);
    const score = (d: typeof without) => d.hypotheses.find((h) => h.id === 'spn-duplicate')?.confidence ?? 0;
    assert.ok(score(withNone) < score(without), `${score(withNone)} < ${score(without)}`);
  });

  it('finds the missing SPN in setspn -Q "No such SPN found."', async () => {
    const d = await withFile('setspn-q-none.txt', ['users get login prompts on expenses, kerberos does not work']);
    assert.equal(d.hypotheses[0]?.id, 'spn-missing');
    assert.ok(d.hypotheses[0].evidence.some((e) => /^setspn-q-none\.txt, line \d+: No such SPN found/.test(e.citation)));
  });

  it('finds the sensitive-account cause in a klist without forwardable tickets, and not from forwardable ones', async () => {
    const words = 'the report server sees anonymous logon when admins open the page';
    const blocked = await withFile('klist-not-forwardable.txt', [words]);
    const ok = await withFile('klist-forwardable.txt', [words]);
    const sensitive = (d: typeof ok) => d.hypotheses.find((h) => h.id === 'delegation-blocked-sensitive-account');
    assert.equal(blocked.hypotheses[0]?.id, 'delegation-blocked-sensitive-account');
    assert.ok(sensitive(blocked)!.evidence.some((e) => /^klist-not-forwardable\.txt, line \d+: .*krbtgt/.test(e.citation)));
    assert.ok(!sensitive(ok)?.evidence.some((e) => e.citation.startsWith('klist-forwardable.txt')));
  });

  it('reads no error codes out of klist flags', async () => {
    const d = await withFile('klist-forwardable.txt');
    assert.deepEqual(d.codes, []);
  });

  it('asks for the user-rights export when the impersonation cause leads and nothing shows the rights yet', async () => {
    const d = await diagnoseInputs({ texts: ['0x80070542 on every static file'], files: [] }, kb);
    assert.match(d.whatWouldHelp[0] ?? '', /secedit \/export \/areas USER_RIGHTS/);
    const settled = await withFile('secedit-rights-missing-iis_iusrs.inf', ['0x80070542 on every static file']);
    assert.ok(!settled.whatWouldHelp.some((w) => /secedit/.test(w)));
  });
});

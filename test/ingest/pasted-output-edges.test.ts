// Edges a review found in the readers of pasted tool output, events as text and quoted configuration: prose that
// only names a right, other events' privilege lists, notes that start with a tag, several outputs pasted together,
// user text below an event, other PowerShell objects, variant whoami formats, unindented setspn. Inputs in
// test/fixtures/ingest/edges/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseInputs } from '../../knowledge/index.js';
import { ingestFiles } from '../../knowledge/ingest/index.js';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { bundledKnowledgeBase, repoRoot } from '../../runtime/kb-files.js';
import { values } from './helpers.js';

const kb = bundledKnowledgeBase();
const edge = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'ingest', 'edges', name));
const facts = (text: string) => parseText('message', text).evidence;
const diagnoseFile = (name: string, texts: string[] = []) => diagnoseInputs({ texts, files: [{ name, data: edge(name) }] }, kb);

describe('pasted output: edges', () => {
  it("does not read a right's name on its own line, an empty secedit row or a privilege list of another event as a user-rights export", () => {
    for (const text of [
      "In Local Security Policy I opened:\nImpersonate a client after authentication\nand IIS_IUSRS is listed there, so that's fine.",
      'Site returns 500 for css files.\nSeImpersonatePrivilege =\nwe did not touch that policy.',
      'Log on as a batch job\nLog on as a service\nthe pool fails with 503',
      'Impersonate a client after authentication  and IIS_IUSRS is listed there',
    ]) {
      assert.deepEqual([...values(facts(text), 'user-right.lacks'), ...values(facts(text), 'user-right')], [], text);
    }
    assert.deepEqual(values(parseText('ev4672.txt', edge('ev4672.txt')).evidence, 'user-right.lacks'), [], 'event 4672 lists privileges, not holders');
  });

  it('reads a text file that starts with a tag and goes on in prose as text: its codes and words count', async () => {
    const r = await ingestFiles([{ name: 'notes2.txt', data: edge('notes2.txt') }]);
    assert.equal(r.files[0].format, 'text');
    assert.ok(r.evidence.some((e) => e.kind === 'code' && e.value === '0x80070542'));
    assert.ok(r.evidence.some((e) => e.key === 'system.web/identity@impersonate'), 'the fragment on its own line is still configuration');
    const prose = await ingestFiles([{ name: 'amp.txt', data: Buffer.from('<identity impersonate="true" />\nsince then 500.24 & nothing works') }]);
    assert.deepEqual(prose.errors, []);
  });

  it('keeps several pasted whoami outputs apart: an administrator holding the right does not hide the pool lacking it', async () => {
    const d = await diagnoseFile('combo3.txt');
    assert.equal(d.hypotheses[0]?.id, 'seimpersonate-privilege-removed');
    assert.equal(d.hypotheses[0].confidenceLabel, 'high');
    const kinds = values(parseText('combo3.txt', edge('combo3.txt')).evidence, 'token.kind');
    assert.deepEqual(kinds, ['admin', 'app-pool']);
  });

  it('reads whoami /priv in CSV, list and French form', () => {
    for (const name of ['csv.txt', 'list.txt', 'fr.txt']) {
      assert.deepEqual(values(parseText(name, edge(name)).evidence, 'token.privilege-missing'), ['SeImpersonatePrivilege'], name);
    }
  });

  it("keeps the codes a user wrote below a copied event, and reads the event's fields from its own labels only", async () => {
    const r = await ingestFiles([{ name: 'evprose.txt', data: edge('evprose.txt') }]);
    const codes = r.evidence.filter((e) => e.kind === 'code').map((e) => e.value);
    assert.ok(codes.includes('0x80070542') && codes.includes('0x80070005'), codes.join(', '));
  });

  it('reads Get-WinEvent | Format-List * with all its properties, and no event from Get-Process | Format-List', () => {
    assert.deepEqual(parseText('gp.txt', edge('gp.txt')).evidence.filter((e) => e.kind === 'event'), []);
    const [was] = parseText('flstar.txt', edge('flstar.txt')).evidence.filter((e) => e.kind === 'event');
    assert.equal(was?.attrs?.Provider, 'Microsoft-Windows-WAS');
    assert.equal(was?.attrs?.AppPoolID, 'Finance Portal');
    const kerberos = parseText('fl4771.txt', edge('fl4771.txt')).evidence.filter((e) => e.kind === 'code').map((e) => e.value);
    assert.ok(kerberos.includes('KRB:0x18') && !kerberos.includes('0x80070018'), kerberos.join(', '));
  });

  it('tells the subject of a 4648 from the account whose credentials were used', () => {
    const [e] = parseText('ev4648.txt', edge('ev4648.txt')).evidence.filter((x) => x.kind === 'event');
    assert.deepEqual([e.attrs?.SubjectUserName, e.attrs?.TargetUserName], ['Portal', 'svc-report']);
  });

  it('reads setspn -Q whose indentation was lost in the copy', () => {
    assert.deepEqual(values(parseText('q.txt', edge('q-noindent.txt')).evidence, 'spn.duplicate'), ['HTTP/hrportal.contoso.com']);
  });

  it("does not read a computer account's HOST/ SPNs as a missing HTTP SPN", () => {
    assert.deepEqual(values(parseText('l.txt', edge('l-computer.txt')).evidence, 'spn.account-without-http'), []);
  });

  it('does not count STIG Deny entries for admin groups against the pool, next to an export where IIS_IUSRS holds the batch right', async () => {
    const d = await diagnoseFile('stig.inf', ['all sites on the pool return 503']);
    const batch = d.hypotheses.find((h) => h.id === 'app-pool-missing-batch-logon-right');
    assert.ok(!batch?.evidence.some((e) => /Deny log on as a batch job/.test(e.meaning)), batch?.evidence.map((e) => e.meaning).join('\n'));
  });

  it('reads "classic" as the current pipeline only when the pool is said to run it', async () => {
    const hasClassic = async (text: string) => (await diagnoseInputs({ texts: [`HTTP Error 500.24 after we enabled impersonation. ${text}`], files: [] }, kb)).hypotheses[0]?.evidence.some((e) => /Classic pipeline/.test(e.meaning));
    assert.equal(await hasClassic('In classic mode it works, but we need Integrated.'), false);
    assert.equal(await hasClassic('We tried classic mode and the error goes away.'), false);
  });
});

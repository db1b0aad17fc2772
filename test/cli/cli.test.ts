import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/main.js';
import { defaultKbDir } from '../../runtime/kb-files.js';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

describe('cli', () => {
  it('diagnose --json prints exactly one JSON object with the documented fields', async () => {
    const r = await run('diagnose', '--json', '--text', 'our mbam portal shows only text, every file but index.html returns 500 with 0x80070542');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    for (const field of ['hypotheses', 'codes', 'question', 'unknown', 'errors']) assert.ok(field in out, field);
    assert.equal(out.hypotheses[0].id, 'seimpersonate-privilege-removed');
    for (const field of ['id', 'title', 'confidence', 'evidence', 'explanation', 'steps', 'verify']) {
      assert.ok(field in out.hypotheses[0], field);
    }
    assert.ok(out.codes.some((c: { canonical: string }) => c.canonical === '0x80070542'));
  });

  it('diagnose prints ranked causes with evidence and steps for people', async () => {
    const r = await run('diagnose', '--text', 'HTTP Error 500.24 - Internal Server Error after moving the app to a new pool');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^1\. .*\[identity-impersonate-integrated-500-24\]/m);
    assert.match(r.stdout, /Evidence:/);
    assert.match(r.stdout, /Fix:\n\s+1\. /);
  });

  it('says unknown (exit 0) rather than inventing a cause', async () => {
    const r = await run('diagnose', '--json', '--text', 'the office printer prints everything in pink');
    assert.equal(r.code, 0);
    const out = JSON.parse(r.stdout);
    assert.equal(out.unknown, true);
    assert.deepEqual(out.hypotheses, []);
  });

  it('exits 1 when no input could be read, naming the file', async () => {
    const r = await run('diagnose', '--json', '--file', '/nonexistent/fr000001.xml');
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.errors[0], { file: '/nonexistent/fr000001.xml', message: 'cannot read the file: no such file' });
  });

  it('exits 2 on wrong usage', async () => {
    assert.equal((await run('diagnose')).code, 2);
    assert.equal((await run('diagnose', '--bogus')).code, 2);
    assert.equal((await run('nope')).code, 2);
    assert.equal((await run()).code, 2);
  });

  it('explain decodes 0x80070542 in every notation', async () => {
    for (const input of ['0x80070542', '2147943746', '1346', 'ERROR_BAD_IMPERSONATION_LEVEL']) {
      const r = await run('explain', input);
      assert.equal(r.code, 0, input);
      assert.match(r.stdout, /ERROR_BAD_IMPERSONATION_LEVEL/, input);
      assert.match(r.stdout, /impersonation level/i, input);
    }
  });

  it('kb check passes on the bundled knowledge base', async () => {
    const r = await run('kb', 'check');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^OK: \d+ causes/);
  });

  it('kb check names the file and field of a broken entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    for (const name of readdirSync(defaultKbDir)) copyFileSync(join(defaultKbDir, name), join(dir, name));
    writeFileSync(
      join(dir, 'broken-entry.md'),
      '---\nid: broken-entry\nkind: cause\ntitle: Broken\nsummary: A deliberately broken entry.\nsymptoms: [x]\nsignatures: []\nreferences: []\n---\nno sections\n',
    );
    const r = await run('kb', 'check', '--dir', dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /broken-entry\.md: symptoms\.0: /);
    assert.match(r.stderr, /broken-entry\.md: signatures: /);
  });
});

// `cli tickets export`: resolved tickets become labelled cases that the evaluation set's own reader accepts;
// "new cause" tickets are listed with their evidence for knowledge-base authors.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tickets from '../../cli/commands/tickets.js';
import { readCaseSet } from '../../runtime/case-set.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { messageActivity, postActivity } from '../bot/helpers/test-server.js';
import { api, startEscalationApp, tempDir } from './helpers/escalation-app.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), isTTY: false }, out, err };
}

describe('cli tickets', function () {
  this.timeout(60_000);

  it('exports resolved tickets in the evaluation case-set format and lists new causes with their evidence', async () => {
    const dataDir = tempDir();
    const causeId = bundledKnowledgeBase().causes[0].id;
    const app = await startEscalationApp({ dataDir });
    try {
      await postActivity(app.url, messageActivity('c-1', 'static files return 500.0 with 0x80070542 since we set impersonate=true'));
      await postActivity(app.url, messageActivity('c-1', 'Talk to an engineer'));
      await postActivity(app.url, messageActivity('c-2', 'event 4625 with sub status 0xC000006D for the app pool account'));
      await postActivity(app.url, messageActivity('c-2', 'Talk to an engineer'));
      assert.equal((await api(app.url, '/api/tickets/1/actions', { action: 'resolve', by: 'Dana', causeId, note: 'confirmed with a FREB trace' })).status, 200);
      assert.equal((await api(app.url, '/api/tickets/2/actions', { action: 'resolve', by: 'Lee', causeId: 'new', note: 'GPO removed the right' })).status, 200);
    } finally {
      await app.close();
    }

    const outDir = join(tempDir(), 'cases');
    mkdirSync(outDir);
    const file = join(outDir, 'from-tickets.yaml');
    const run = io();
    assert.equal(await tickets.run(['export', '--data-dir', dataDir, '--out', file], run.io), 0);
    assert.match(run.err.join(''), /1 labelled case\(s\).*1 ticket\(s\) name a new cause/s);
    const cases = readCaseSet(outDir);
    assert.equal(cases.length, 1);
    assert.equal(cases[0].id, 'ticket-1');
    assert.equal(cases[0].expect, causeId);
    assert.match(cases[0].messages.join('\n'), /0x80070542/);
    assert.match(readFileSync(file, 'utf8'), /confirmed with a FREB trace/);

    const listed = io();
    assert.equal(await tickets.run(['new-causes', '--data-dir', dataDir], listed.io), 0);
    const text = listed.out.join('');
    assert.match(text, /Ticket #2: new cause/);
    assert.match(text, /GPO removed the right/);
    assert.match(text, /0xC000006D/i);
  });

  it('refuses an unknown subcommand as wrong usage', async () => {
    await assert.rejects(tickets.run(['frobnicate'], io().io), /expected "tickets export"/);
  });
});

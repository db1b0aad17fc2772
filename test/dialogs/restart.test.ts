import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../../bot/store/index.js';
import {
  askedAnswers,
  createHarness,
  engineDiagnosis,
  shownCauseId,
  type Harness,
} from './helpers/harness.js';

const DOUBLE_HOP =
  "our intranet app impersonates the user and calls sql server on another machine: Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'";
const MBAM = 'our mbam portal shows only text, every file but index.html returns 500 with 0x80070542';

describe('Restarting the bot between two turns', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dialogs-restart-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `before` on one bot, closes its storage, and `after` on a new bot over the same SQLite file. */
  async function acrossRestart(
    before: (bot: Harness) => Promise<void>,
    after: (bot: Harness) => Promise<void>,
  ): Promise<void> {
    const file = join(dir, 'bot-state.sqlite');
    const first = new SqliteStorage(file);
    try {
      await before(createHarness({ storage: first }));
    } finally {
      await first.close();
    }
    // A new process: new storage handle on the same file, new state objects, new bot.
    const second = new SqliteStorage(file);
    try {
      await after(createHarness({ storage: second }));
    } finally {
      await second.close();
    }
  }

  it('keeps the pending question: the answer after the restart still refers to it', async () => {
    const q = engineDiagnosis([DOUBLE_HOP]).question;
    assert.ok(q, 'precondition: the engine asks a follow-up question');
    await acrossRestart(
      async (bot) =>
        assert.deepEqual(
          askedAnswers(await bot.say(DOUBLE_HOP)),
          q.answers.map((a) => a.label),
        ),
      async (bot) => {
        await bot.say(q.answers[0].label);
        const c = await bot.storedCase();
        assert.equal(c?.answers[q.id], q.answers[0].value);
        assert.equal(c?.texts.length, 1, 'the label was read as an answer, not as more description');
      },
    );
  });

  it('keeps the case and the shown cause: "not it" after the restart rules out the cause shown before it', async () => {
    let shown: string | undefined;
    await acrossRestart(
      async (bot) => {
        shown = shownCauseId(await bot.say(MBAM));
        assert.ok(shown);
      },
      async (bot) => {
        const next = shownCauseId(await bot.say('that did NOT fix it'));
        assert.deepEqual(
          bot.feedback.map((f) => [f.causeId, f.outcome]),
          [[shown, 'not_fixed']],
        );
        assert.notEqual(next, shown);
        assert.deepEqual((await bot.storedCase())?.ruledOut, [shown]);
      },
    );
  });
});

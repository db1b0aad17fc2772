// A case's own report link, over the real server and its SQLite file: every card of a case links one page that
// shows the case as it is now; starting over freezes that page, so older cards keep showing the case they came from.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Activity, StoreItems } from 'botbuilder';
import Database from 'better-sqlite3';
import { CASE_REPORT_PROPERTY, liveCaseReader, StorageReportStore } from '../../bot/reports/index.js';
import { InMemoryStorage } from '../../bot/store/index.js';
import type { RunningServer } from '../../bot/start.js';
import { messageActivity, postActivity, startTestServer, tempDataDir } from '../bot/helpers/test-server.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { mbamReport } from './report-fixtures.js';

const MBAM = 'our MBAM portals show only text, every file but index.html returns 500 with 0x80070542';
const SECOND = 'the app pool runs as ApplicationPoolIdentity and nothing else changed, it broke after the hardening GPO';

/** The report link of the last card in a turn's replies. */
function reportLinkOf(activities: Partial<Activity>[]): string {
  const links = [...JSON.stringify(activities).matchAll(/https?:\/\/[^"\s]+\/reports\/[A-Za-z0-9_-]+/g)].map((m) => m[0]);
  assert.ok(links.length > 0, 'a diagnosis card links its report');
  return links[links.length - 1];
}

async function page(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
}

function storedReportKeys(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'bot-state.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT key FROM bot_storage WHERE key LIKE 'support-report/%'").all() as { key: string }[]).map((r) => r.key);
  } finally {
    db.close();
  }
}

describe('case report links', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = tempDataDir();
    server = await startTestServer({ DATA_DIR: dataDir });
  });
  afterEach(async () => {
    await server.close();
  });

  it('gives every card of a case one link, whose page shows the case as it is now, and stores one pointer per case', async () => {
    const first = reportLinkOf((await postActivity(server.url, messageActivity('conv-live', MBAM))).activities);
    const second = reportLinkOf((await postActivity(server.url, messageActivity('conv-live', SECOND))).activities);
    const third = reportLinkOf((await postActivity(server.url, messageActivity('conv-live', 'not it'))).activities);
    assert.equal(second, first);
    assert.equal(third, first);
    const { status, text } = await page(first);
    assert.equal(status, 200);
    assert.match(text, /as it stands now/);
    assert.ok(text.includes('hardening GPO'), 'a message sent after the first card is on its page');
    assert.match(text, /Ruled out/i, 'the cause ruled out after the first card is shown as ruled out');
    assert.equal(storedReportKeys(dataDir).length, 1, 'three cards, one stored pointer');
  });

  /** Shows the MBAM case's first card in `conversation`, sends `command`, and answers that card's link once frozen. */
  async function frozenAfter(conversation: string, command: string): Promise<string> {
    const old = reportLinkOf((await postActivity(server.url, messageActivity(conversation, MBAM))).activities);
    await postActivity(server.url, messageActivity(conversation, command));
    const frozen = await page(old);
    assert.equal(frozen.status, 200);
    assert.ok(frozen.text.includes('MBAM portals'));
    assert.doesNotMatch(frozen.text, /as it stands now/);
    return old;
  }

  for (const command of ['start over', 'cancel', 'that fixed it, thanks']) {
    it(`freezes the case's report on "${command}": older links keep showing that case`, async () => {
      await frozenAfter(`conv-${command.split(' ')[0]}`, command);
    });
  }

  it('gives the case after a restart a link of its own, which the frozen one does not follow', async () => {
    const old = await frozenAfter('conv-restart', 'start over');
    const next = reportLinkOf((await postActivity(server.url, messageActivity('conv-restart', 'users get 401.1 on the intranet site since the password change'))).activities);
    assert.notEqual(next, old);
    assert.ok(!(await page(old)).text.includes('password change'), 'the frozen report does not follow the new case');
    assert.ok((await page(next)).text.includes('password change'));
  });

  it('serves a live report after the bot restarts on the same data directory', async () => {
    const link = reportLinkOf((await postActivity(server.url, messageActivity('conv-durable', MBAM))).activities);
    await server.close();
    server = await startTestServer({ DATA_DIR: dataDir });
    const moved = link.replace(/^https?:\/\/[^/]+/, server.url);
    const { status, text } = await page(moved);
    assert.equal(status, 200);
    assert.ok(text.includes('MBAM portals'));
  });
});

/** Memory storage whose report writes can be made to fail, as a database hiccup would. */
class FlakyReportStorage extends InMemoryStorage {
  failReports = false;
  override async write(changes: StoreItems): Promise<void> {
    if (this.failReports && Object.keys(changes).some((k) => k.startsWith('support-report/'))) throw new Error('db hiccup');
    await super.write(changes);
  }
}

describe('case report links when freezing fails', () => {
  it('retires the old link instead of letting it show the next case, and gives the next case a link of its own', async () => {
    const storage = new FlakyReportStorage();
    const server = await startTestServer({ STORAGE: 'memory' }, { storage });
    try {
      const old = reportLinkOf((await postActivity(server.url, messageActivity('conv-flaky', MBAM))).activities);
      storage.failReports = true;
      await postActivity(server.url, messageActivity('conv-flaky', 'start over'));
      storage.failReports = false;
      assert.ok(server.logLines.some((l) => /report of the replaced case not kept/.test(l)), 'the failure is logged');
      const oldId = old.split('/').pop() ?? '';
      assert.deepEqual(await storage.read([`support-report/${oldId}`]), {}, 'the pointer is retired');
      const next = reportLinkOf((await postActivity(server.url, messageActivity('conv-flaky', 'users on hr.contoso.com get 401.1 since the password change'))).activities);
      assert.notEqual(next, old);
      const oldPage = await page(old);
      assert.ok(!oldPage.text.includes('password change'), 'the old link never shows the new case');
      assert.equal(oldPage.status, 404);
    } finally {
      await server.close();
    }
  });
});

describe('live report pointers in the report store', () => {
  const stateKey = 'local-chat/conversations/c1/';

  it('answers nothing when the conversation no longer holds that case, or holds none', async () => {
    const storage = new InMemoryStorage();
    const input = await mbamReport();
    let found: 'same' | 'other' | 'none' = 'same';
    const store = new StorageReportStore(storage, {
      readLive: async (key, id) => {
        assert.equal(key, stateKey);
        assert.ok(id);
        return found === 'same' ? { ...input, shownAt: new Date().toISOString() } : undefined;
      },
    });
    const id = await store.createLive(stateKey);
    assert.equal((await store.get(id))?.live, true);
    found = 'other';
    assert.equal(await store.get(id), undefined);
    found = 'none';
    assert.equal(await new StorageReportStore(storage).get(id), undefined, 'a store without a reader cannot draw it');
  });

  it('stays readable for the retention period after a card last linked it, and again once a new card links it', async () => {
    const storage = new InMemoryStorage();
    const input = await mbamReport();
    let now = new Date('2025-01-01T00:00:00Z');
    let shownAt = now.toISOString();
    const store = new StorageReportStore(storage, { retentionMs: 1000, now: () => now, readLive: async () => ({ ...input, shownAt }) });
    const id = await store.createLive(stateKey);
    now = new Date('2025-01-01T00:00:00.900Z');
    assert.ok(await store.get(id));
    now = new Date('2025-01-01T00:00:02Z');
    assert.equal(await store.get(id), undefined);
    shownAt = now.toISOString();
    assert.ok(await store.get(id), 'the pointer was kept');
  });

  it('reads the live case only while the conversation still holds that case', async () => {
    const storage = new InMemoryStorage();
    const input = await mbamReport();
    const read = liveCaseReader(storage, bundledKnowledgeBase());
    await storage.write({ [stateKey]: { case: input.case, [CASE_REPORT_PROPERTY]: { id: 'A', shownAt: '2025-01-01T00:00:00.000Z' }, eTag: '*' } });
    assert.deepEqual((await read(stateKey, 'A'))?.case.texts, input.case.texts);
    assert.equal(await read(stateKey, 'B'), undefined, 'a pointer from an earlier case of the conversation');
    assert.equal(await read('local-chat/conversations/other/', 'A'), undefined);
  });

  it('dates a frozen report from when a card last linked it, and retires one already past retention', async () => {
    const storage = new InMemoryStorage();
    const input = await mbamReport();
    const now = new Date('2025-03-01T00:00:00Z');
    const store = new StorageReportStore(storage, { now: () => now, retentionMs: 10 * 86_400_000, readLive: async () => ({ ...input, shownAt: now.toISOString() }) });
    const recent = await store.createLive(stateKey);
    await store.freeze(recent, input, new Date('2025-02-25T00:00:00Z'));
    assert.equal((await store.get(recent))?.createdAt, '2025-02-25T00:00:00.000Z');
    const stale = await store.createLive(stateKey);
    await store.freeze(stale, input, new Date('2025-02-01T00:00:00Z'));
    assert.equal(await store.get(stale), undefined);
    assert.deepEqual(await storage.read([`support-report/${stale}`]), {}, 'nothing of it stays stored');
  });

  it('a frozen pointer reads back as the report it was frozen with', async () => {
    const storage = new InMemoryStorage();
    const input = await mbamReport();
    const now = new Date('2025-03-01T12:00:00Z');
    const store = new StorageReportStore(storage, { now: () => now, readLive: async () => assert.fail('a frozen report is not drawn live') });
    const id = await store.createLive(stateKey);
    await store.freeze(id, input);
    const read = await store.get(id);
    assert.equal(read?.live, undefined);
    assert.deepEqual(read?.case.texts, input.case.texts);
  });
});

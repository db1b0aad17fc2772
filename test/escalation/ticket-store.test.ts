// The ticket store and outbox against both backends: a ticket and its first deliveries commit together or not at
// all, updates are optimistic and keep the lifecycle, and the outbox keeps a lane's order while an item is retried.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { moveTo, OutboxStore, TicketStore, TicketStoreError, type SqlDb, type TicketDraft } from '../../bot/escalation/index.js';
import { migrate, PostgresDb, SqliteDb } from '../../bot/escalation/store/index.js';
import { ConversationLogStore, TRANSCRIPT_LIMIT, UPLOADS_LIMIT } from '../../bot/escalation/store/conversation-log-store.js';
import { findPostgresBin, startPostgres, type PostgresServer } from '../bot/helpers/postgres-server.js';
import { tempDir } from './helpers/escalation-app.js';

function draft(conversationId = 'conv-1'): TicketDraft {
  const at = new Date().toISOString();
  return {
    status: 'open',
    trigger: 'requested',
    createdAt: at,
    updatedAt: at,
    history: [{ status: 'open', at }],
    live: true,
    user: { conversationId, channelId: 'local-chat', reference: { conversation: { id: conversationId, isGroup: false, name: '', conversationType: 'personal' } } },
    messages: [],
    packet: { version: 1, summary: 's', trigger: 'requested', channel: 'local-chat', userWords: ['w'], codes: [], entities: [], environment: {}, files: [], hypotheses: [], questions: [], whatWouldHelp: [], transcript: [] },
  };
}

function contract(open: () => Promise<SqlDb>) {
  let db: SqlDb;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(() => db.close());

  it('stores a complete ticket with its deliveries and finds it by conversation', async () => {
    const store = new TicketStore(db);
    const t = await store.create(draft(), [{ kind: 'webhook', payload: { event: 'ticket.created' } }]);
    assert.ok(t.id >= 1);
    assert.deepEqual((await store.get(t.id))?.packet.userWords, ['w']);
    assert.equal((await store.findLive('conv-1'))?.id, t.id);
    assert.equal((await new OutboxStore(db).forTicket(t.id)).length, 1);
  });

  it('rolls the ticket back when its deliveries cannot be written', async () => {
    const store = new TicketStore(db);
    const before = (await store.list()).length;
    // A payload that cannot be serialised fails inside the transaction, after the ticket row was inserted.
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await assert.rejects(store.create(draft('conv-x'), [{ kind: 'webhook', payload: cyclic }]), TicketStoreError);
    assert.equal((await store.list()).length, before);
    assert.equal(await store.findLive('conv-x'), undefined);
  });

  it('applies updates with the lifecycle and writes their deliveries', async () => {
    const store = new TicketStore(db);
    const t = await store.create(draft('conv-2'), []);
    const taken = await store.update(t.id, (x) => {
      moveTo(x, 'taken', new Date().toISOString(), 'Dana');
      return [{ kind: 'user-message', payload: { text: 'taken' } }];
    });
    assert.equal(taken.status, 'taken');
    assert.equal(taken.version, 2);
    const closed = await store.update(t.id, (x) => moveTo(x, 'closed', new Date().toISOString()));
    assert.equal(closed.live, false);
    await assert.rejects(store.update(t.id, (x) => moveTo(x, 'taken', new Date().toISOString())), /cannot go from closed to taken/);
    assert.equal(await store.findLive('conv-2'), undefined);
  });

  it('keeps a lane in order: a later item waits while an earlier one is retried', async () => {
    const store = new TicketStore(db);
    const outbox = new OutboxStore(db);
    const t = await store.create(draft('conv-3'), [
      { kind: 'user-message', payload: { text: '1' } },
      { kind: 'user-message', payload: { text: '2' } },
      { kind: 'webhook', payload: { event: 'e' } },
    ]);
    const now = Date.now();
    const due = (await outbox.due(now)).filter((i) => i.ticketId === t.id);
    assert.deepEqual(due.map((i) => i.kind), ['user-message', 'webhook']);
    assert.ok(await outbox.claim(due[0].id, now, 1000));
    assert.equal(await outbox.claim(due[0].id, now, 1000), false);
    await outbox.retryLater(due[0].id, 'down', now + 60_000);
    const later = (await outbox.due(now)).filter((i) => i.ticketId === t.id);
    assert.deepEqual(later.map((i) => i.kind), ['webhook']);
  });

  it('hands queued messages over once, oldest first, and only to their own conversation', async () => {
    const log = new ConversationLogStore(db);
    assert.deepEqual(await log.takeQueued('conv-q'), []);
    await log.queueForConversation('conv-q', { type: 'message', text: 'engineer: first' });
    await log.queueForConversation('other', { type: 'message', text: 'not yours' });
    await log.queueForConversation('conv-q', { type: 'message', text: 'engineer: second' });
    assert.deepEqual((await log.takeQueued('conv-q')).map((a) => a.text), ['engineer: first', 'engineer: second']);
    assert.deepEqual(await log.takeQueued('conv-q'), []);
    assert.deepEqual((await log.takeQueued('other')).map((a) => a.text), ['not yours']);
  });

  it('keeps the newest transcript entries and uploads of a conversation up to their limits, and leaves other conversations alone', async () => {
    const log = new ConversationLogStore(db);
    const entry = (n: number) => ({ at: new Date(0).toISOString(), from: 'user' as const, text: `message ${n}` });
    await log.appendTranscript('other', [entry(-1)]);
    for (let n = 0; n < TRANSCRIPT_LIMIT + 7; n += 3) await log.appendTranscript('long', [entry(n), entry(n + 1), entry(n + 2)]);
    const kept = await log.transcript('long');
    const written = Math.ceil((TRANSCRIPT_LIMIT + 7) / 3) * 3;
    assert.equal(kept.length, TRANSCRIPT_LIMIT);
    assert.equal(kept[0].text, `message ${written - TRANSCRIPT_LIMIT}`);
    assert.equal(kept[kept.length - 1].text, `message ${written - 1}`);
    assert.deepEqual((await log.transcript('other')).map((e) => e.text), ['message -1']);

    for (let n = 0; n < UPLOADS_LIMIT + 2; n++) await log.addUpload('long', { name: `f${n}.xml`, format: 'freb', summary: `trace ${n}` });
    const uploads = await log.uploads('long');
    assert.equal(uploads.length, UPLOADS_LIMIT);
    assert.equal(uploads[0].name, 'f2.xml');
  });
}

describe('escalation ticket store', function () {
  this.timeout(60_000);

  describe('SQLite', () => {
    contract(async () => {
      const db = new SqliteDb(join(tempDir(), 'bot-state.sqlite'));
      await migrate(db);
      return db;
    });
  });

  describe('PostgreSQL', function () {
    const bin = findPostgresBin();
    let server: PostgresServer | undefined;
    before(function () {
      if (!bin) {
        // Under CI (.ci/run installs postgresql) a missing server is a failure, never a silent skip.
        if (process.env.CI) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
        console.warn('    PostgreSQL is not installed: skipping the PostgreSQL ticket store tests');
        this.skip();
      }
      server = startPostgres(bin);
    });
    after(() => server?.stop());
    contract(async () => {
      const db = await PostgresDb.open(server!.url);
      await migrate(db);
      return db;
    });
  });
});

import assert from 'node:assert/strict';
import { ConversationState, TestAdapter, TurnContext, UserState, type BotState, type Storage, type StoreItems } from 'botbuilder';
import { InMemoryStorage, JsonConversationState, JsonUserState, stateSnapshot } from '../../../bot/store/index.js';

/** A Storage that counts what reaches it, over the bot's own memory storage. */
class CountingStorage implements Storage {
  readonly inner = new InMemoryStorage();
  writes: StoreItems[] = [];
  reads = 0;
  deletes: string[][] = [];
  read(keys: string[]): Promise<StoreItems> {
    this.reads++;
    return this.inner.read(keys);
  }
  write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    this.deletes.push(keys);
    return this.inner.delete(keys);
  }
}

function turn(conversation = 'c1', user = 'u1'): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: user, name: user },
    recipient: { id: 'bot', name: 'bot' },
    text: 'hi',
  });
}

// Every check runs on the library's classes too: ours must behave as BotState does, only cheaper.
const kinds: [string, (s: Storage) => BotState][] = [
  ['JsonConversationState', (s) => new JsonConversationState(s)],
  ['ConversationState (the library, for comparison)', (s) => new ConversationState(s)],
  ['JsonUserState', (s) => new JsonUserState(s)],
  ['UserState (the library, for comparison)', (s) => new UserState(s)],
];

for (const [name, make] of kinds) {
  describe(name, () => {
    it('reads storage once per turn and writes nothing when the state did not change', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      const context = turn();
      const loaded = (await state.load(context)) as Record<string, unknown>;
      await state.load(context);
      assert.equal(storage.reads, 1);
      assert.deepEqual(loaded, {});
      await state.saveChanges(context);
      assert.equal(storage.writes.length, 0, 'an unchanged empty state is not written');
    });

    it('writes a changed state once, and a second save without changes writes nothing', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      const counter = state.createProperty<{ n: number }>('counter');
      const context = turn();
      (await counter.get(context, { n: 0 }))!.n = 1;
      await state.saveChanges(context);
      await state.saveChanges(context);
      assert.equal(storage.writes.length, 1);
      const [[key, item]] = Object.entries(storage.writes[0]);
      assert.match(key, name.includes('User') ? /^test\/users\/u1\/$/ : /^test\/conversations\/c1\/$/);
      assert.deepEqual((item as Record<string, unknown>).counter, { n: 1 });
    });

    it('sees a change deep inside the state, and continues from the stored state on the next turn', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      const list = state.createProperty<{ items: string[] }>('list');
      const first = turn();
      (await list.get(first, { items: [] }))!.items.push('a');
      await state.saveChanges(first);
      const second = turn();
      const items = (await list.get(second, { items: [] }))!.items;
      assert.deepEqual(items, ['a']);
      await state.saveChanges(second);
      assert.equal(storage.writes.length, 1, 'the state read back unchanged is not rewritten');
      items.push('b');
      await state.saveChanges(second);
      assert.equal(storage.writes.length, 2);
      assert.deepEqual((await list.get(turn()))!.items, ['a', 'b']);
    });

    it('writes when forced, even with nothing loaded', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      await state.saveChanges(turn(), true);
      assert.equal(storage.writes.length, 1);
    });

    it('writes after clear, and delete removes the stored state', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      const prop = state.createProperty<string>('p');
      const context = turn();
      await prop.set(context, 'x');
      await state.saveChanges(context);
      const next = turn();
      await state.load(next);
      await state.clear(next);
      assert.deepEqual(state.get(next), {});
      await state.saveChanges(next);
      assert.equal(storage.writes.length, 2, 'a cleared state is written even though it is empty');
      await state.delete(next);
      assert.equal(storage.deletes.length, 1);
      assert.equal(state.get(next), undefined);
      assert.equal(await prop.get(turn()), undefined);
    });

    it('get answers the cached state only once it is loaded', async () => {
      const state = make(new CountingStorage());
      const context = turn();
      assert.equal(state.get(context), undefined);
      await state.load(context);
      assert.deepEqual(state.get(context), {});
    });
  });
}

describe('stateSnapshot', () => {
  it('ignores the eTag, so a state that only got an eTag from storage counts as unchanged', () => {
    assert.equal(stateSnapshot({ a: 1, eTag: '*' }), stateSnapshot({ a: 1 }));
    assert.notEqual(stateSnapshot({ a: 1 }), stateSnapshot({ a: 2 }));
  });

  it('falls back to the library hash for a state plain JSON cannot take', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    assert.match(stateSnapshot(cyclic), /^hash:[0-9a-f]{64}$/);
  });
});

// The Storage contract every backend must honour, run against SQLite, PostgreSQL and memory.
import assert from 'node:assert/strict';
import type { DurableStorage } from '../../../bot/store/index.js';
import { StorageConflictError } from '../../../bot/store/index.js';

export function storageContract(open: () => Promise<DurableStorage>): void {
  let storage: DurableStorage;
  beforeEach(async () => {
    storage = await open();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('reads back what was written, with a fresh eTag, and nothing for unknown keys', async () => {
    await storage.write({ a: { n: 1, nested: { list: [1, 'x'] } } });
    const items = await storage.read(['a', 'missing']);
    assert.deepEqual(Object.keys(items), ['a']);
    assert.equal(items.a.n, 1);
    assert.deepEqual(items.a.nested, { list: [1, 'x'] });
    assert.equal(typeof items.a.eTag, 'string');
    assert.notEqual(items.a.eTag, '');
  });

  it('accepts a write carrying the current eTag and changes the eTag', async () => {
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, v: 2 } });
    const second = (await storage.read(['k'])).k;
    assert.equal(second.v, 2);
    assert.notEqual(second.eTag, first.eTag);
  });

  it('rejects a write carrying a stale eTag and keeps the stored item', async () => {
    await storage.write({ k: { v: 1 } });
    const stale = (await storage.read(['k'])).k;
    await storage.write({ k: { ...stale, v: 2 } });
    await assert.rejects(storage.write({ k: { ...stale, v: 3 } }), (err: unknown) => err instanceof StorageConflictError && err.key === 'k');
    assert.equal((await storage.read(['k'])).k.v, 2);
  });

  it('overwrites whatever is stored when the eTag is "*" or absent', async () => {
    await storage.write({ k: { v: 1 } });
    await storage.write({ k: { v: 2, eTag: '*' } });
    assert.equal((await storage.read(['k'])).k.v, 2);
    await storage.write({ k: { v: 3 } });
    assert.equal((await storage.read(['k'])).k.v, 3);
  });

  it('writes all changes of one call or none when one of them conflicts', async () => {
    await storage.write({ a: { v: 1 }, b: { v: 1 } });
    const { a, b } = await storage.read(['a', 'b']);
    await storage.write({ b: { ...b, v: 2 } });
    await assert.rejects(storage.write({ a: { ...a, v: 9 }, b: { ...b, v: 9 } }), StorageConflictError);
    const after = await storage.read(['a', 'b']);
    assert.equal(after.a.v, 1);
    assert.equal(after.b.v, 2);
  });

  it('lets exactly one of two writers holding the same eTag win', async () => {
    await storage.write({ k: { v: 0 } });
    const seen = (await storage.read(['k'])).k;
    const results = await Promise.allSettled([storage.write({ k: { ...seen, v: 1 } }), storage.write({ k: { ...seen, v: 2 } })]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal(results.filter((r) => r.status === 'rejected' && r.reason instanceof StorageConflictError).length, 1);
  });

  it('deletes items, and deleting a missing key is not an error', async () => {
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    await storage.delete(['a', 'never-written']);
    assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
  });

  it('keeps keys with odd characters apart', async () => {
    const keys = ['msteams/conversations/a:b/c', "it's", 'ü/ß', 'a%b'];
    await storage.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
    const items = await storage.read(keys);
    keys.forEach((k, i) => assert.equal(items[k].i, i));
  });
}

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStorage, StorageBackendError } from '../../../bot/store/index.js';
import { storageContract } from './storage-contract.js';

describe('SqliteStorage', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'bot-sqlite-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('contract', () => {
    let n = 0;
    storageContract(async () => new SqliteStorage(join(dir, `contract-${n++}.sqlite`)));
  });

  it('keeps items and eTags across closing and reopening the file', async () => {
    const file = join(dir, 'durable.sqlite');
    const first = new SqliteStorage(file);
    await first.write({ conv: { case: { texts: ['500.0 on static files'] } } });
    const written = (await first.read(['conv'])).conv;
    await first.close();

    const reopened = new SqliteStorage(file);
    const read = (await reopened.read(['conv'])).conv;
    assert.deepEqual(read.case, { texts: ['500.0 on static files'] });
    assert.equal(read.eTag, written.eTag);
    await reopened.close();
  });

  it('moves the items of a file written by an older version (WITHOUT ROWID table) into the current table, eTags kept', async () => {
    const file = join(dir, 'older.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE bot_storage (key TEXT PRIMARY KEY, etag TEXT NOT NULL, data TEXT NOT NULL) WITHOUT ROWID');
    old.prepare('INSERT INTO bot_storage (key, etag, data) VALUES (?, ?, ?)').run('conv', 'etag-1', JSON.stringify({ case: { texts: ['401.1 from the server itself'] } }));
    old.close();

    const storage = new SqliteStorage(file);
    const read = (await storage.read(['conv'])).conv;
    assert.deepEqual(read.case, { texts: ['401.1 from the server itself'] });
    assert.equal(read.eTag, 'etag-1');
    await assert.rejects(storage.write({ conv: { ...read, eTag: 'stale' } }), /conflict|changed|etag/i);
    await storage.write({ conv: { ...read, more: true } });
    await storage.close();

    const check = new Database(file, { readonly: true });
    const tables = check.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    check.close();
    assert.deepEqual(tables.map((t) => t.name), ['bot_storage']);
    assert.doesNotMatch(tables[0].sql, /WITHOUT ROWID/i);
  });

  it('creates DATA_DIR when it does not exist yet', async () => {
    const storage = new SqliteStorage(join(dir, 'nested', 'deeper', 'state.sqlite'));
    await storage.write({ k: { v: 1 } });
    await storage.close();
  });

  it('refuses use after close with a typed error', async () => {
    const storage = new SqliteStorage(join(dir, 'closed.sqlite'));
    await storage.close();
    await assert.rejects(storage.read(['k']), StorageBackendError);
  });
});

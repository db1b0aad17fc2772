import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

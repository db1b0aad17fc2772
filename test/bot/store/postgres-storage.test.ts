// The same Storage contract against a real PostgreSQL server (started and stopped by this test).
import assert from 'node:assert/strict';
import pg from 'pg';
import { PostgresStorage, StorageBackendError } from '../../../bot/store/index.js';
import { findPostgresBin, startPostgres, type PostgresServer } from '../helpers/postgres-server.js';
import { storageContract } from './storage-contract.js';

const bin = findPostgresBin();

describe('PostgresStorage', function () {
  this.timeout(60_000);
  let server: PostgresServer | undefined;

  before(function () {
    if (!bin) {
      // CI installs the `postgresql` package; a developer machine without it skips, visibly.
      // Under CI (.ci/run installs postgresql) a missing server is a failure, never a silent skip.
      if (process.env.CI) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
      console.warn('    PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): skipping the PostgreSQL storage tests');
      this.skip();
    }
    server = startPostgres(bin);
  });
  after(() => server?.stop());

  describe('contract', () => {
    storageContract(async () => {
      const storage = await PostgresStorage.open(server!.url);
      // Each test starts from an empty table.
      const client = new pg.Client({ connectionString: server!.url });
      await client.connect();
      await client.query('TRUNCATE bot_storage');
      await client.end();
      return storage;
    });
  });

  it('keeps items across separate pools, as several bot instances would see them', async () => {
    const a = await PostgresStorage.open(server!.url);
    const b = await PostgresStorage.open(server!.url);
    await a.write({ shared: { v: 1 } });
    const seen = (await b.read(['shared'])).shared;
    assert.equal(seen.v, 1);
    await a.write({ shared: { ...seen, v: 2 } });
    await assert.rejects(b.write({ shared: { ...seen, v: 3 } }), /eTag conflict/);
    await a.close();
    await b.close();
  });

  it('fails to open with a typed, readable error when the server is unreachable', async () => {
    await assert.rejects(PostgresStorage.open('postgresql://bot@localhost/postgres?host=/nonexistent-socket-dir'), (err: unknown) => err instanceof StorageBackendError && /postgres storage failed to connect/.test(err.message));
  });
});

// Storage in PostgreSQL (pg), for several bot instances sharing state. Same eTag contract as SqliteStorage.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { StoreItems } from 'botbuilder';
import { isConditional, type DurableStorage } from './durable-storage.js';
import { StorageBackendError, StorageConflictError } from './errors.js';

const TABLE = 'bot_storage';

export class PostgresStorage implements DurableStorage {
  readonly kind = 'postgres' as const;
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, creates the table when missing, and fails fast (with a readable error) when the server is unreachable. */
  static async open(connectionString: string, options: { max?: number } = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    try {
      await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (key text PRIMARY KEY, etag text NOT NULL, data text NOT NULL)`);
    } catch (cause) {
      await pool.end();
      throw new StorageBackendError('postgres', 'connect', { cause });
    }
    return new PostgresStorage(pool);
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.assertOpen('read');
    if (keys.length === 0) return {};
    const result = await this.run('read', () =>
      this.pool.query<{ key: string; etag: string; data: string }>(`SELECT key, etag, data FROM ${TABLE} WHERE key = ANY($1)`, [keys]),
    );
    const items: StoreItems = {};
    for (const row of result.rows) items[row.key] = { ...(JSON.parse(row.data) as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.assertOpen('write');
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const client = await this.run('connect', () => this.pool.connect());
    // A client whose ROLLBACK failed is broken: release it with the error so the pool discards it.
    let broken: Error | undefined;
    try {
      // One transaction per write call: either every change is stored or none is.
      await client.query('BEGIN');
      for (const [key, item] of entries) {
        const { eTag, ...data } = (item ?? {}) as Record<string, unknown>;
        const json = JSON.stringify(data);
        if (isConditional(eTag)) {
          const updated = await client.query(`UPDATE ${TABLE} SET etag = $3, data = $2 WHERE key = $1 AND etag = $4`, [key, json, randomUUID(), eTag]);
          if (updated.rowCount === 1) continue;
          // Not updated: either the item is gone (write it, like MemoryStorage) or its eTag moved on (conflict).
          const inserted = await client.query(`INSERT INTO ${TABLE} (key, etag, data) VALUES ($1, $3, $2) ON CONFLICT (key) DO NOTHING`, [key, json, randomUUID()]);
          if (inserted.rowCount !== 1) throw new StorageConflictError(key);
        } else {
          await client.query(
            `INSERT INTO ${TABLE} (key, etag, data) VALUES ($1, $3, $2) ON CONFLICT (key) DO UPDATE SET etag = EXCLUDED.etag, data = EXCLUDED.data`,
            [key, json, randomUUID()],
          );
        }
      }
      await client.query('COMMIT');
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      if (err instanceof StorageConflictError) throw err;
      throw new StorageBackendError('postgres', 'write', { cause: err });
    } finally {
      client.release(broken);
    }
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen('delete');
    if (keys.length === 0) return;
    await this.run('delete', () => this.pool.query(`DELETE FROM ${TABLE} WHERE key = ANY($1)`, [keys]));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      throw new StorageBackendError('postgres', operation, { cause });
    }
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw new StorageBackendError('postgres', operation, { cause: new Error('storage is closed') });
  }
}

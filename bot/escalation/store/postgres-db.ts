// SqlDb over pg: its own small pool on the bot's PostgreSQL database (several bot instances share the tickets).
import pg from 'pg';
import { TicketStoreError } from '../errors.js';
import type { SqlDb, SqlExec, SqlParam } from './sql-db.js';

export class PostgresDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, options: { max?: number } = {}): Promise<PostgresDb> {
    const pool = new pg.Pool({ connectionString, max: options.max ?? 5 });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
    } catch (cause) {
      await pool.end();
      throw new TicketStoreError('connect', { cause });
    }
    return new PostgresDb(pool);
  }

  async query<T>(sql: string, params: SqlParam[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async execute(sql: string, params: SqlParam[] = []): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  async transaction<T>(fn: (tx: SqlExec) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const tx: SqlExec = {
        query: async <R>(sql: string, params: SqlParam[] = []) => (await client.query(sql, params)).rows as R[],
        execute: async (sql: string, params: SqlParam[] = []) => (await client.query(sql, params)).rowCount ?? 0,
      };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // A client whose ROLLBACK failed is broken: released with the error so the pool discards it.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

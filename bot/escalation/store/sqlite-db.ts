// SqlDb over better-sqlite3: a second connection to the bot's own SQLite file (WAL lets both connections work).
// Statements are synchronous, so the only thing to guard is an async transaction: while one is open, every other
// statement of this connection waits for it (otherwise it would run inside the transaction by accident).
import type Database from 'better-sqlite3';
import { openSqliteFile } from '../../store/open-sqlite.js';
import { TicketStoreError } from '../errors.js';
import type { SqlDb, SqlExec, SqlParam } from './sql-db.js';

function named(params: SqlParam[] = []): Record<string, SqlParam> {
  // "$1" is a named parameter to SQLite; better-sqlite3 binds it from the key "1".
  return Object.fromEntries(params.map((p, i) => [String(i + 1), p]));
}

export class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Prepared once per SQL text: the same few statements run on every turn (transcript, queued messages). */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly file: string) {
    try {
      this.db = openSqliteFile(file);
    } catch (cause) {
      throw new TicketStoreError(`open ${file}`, { cause });
    }
  }

  query<T>(sql: string, params?: SqlParam[]): Promise<T[]> {
    return this.serial(() => this.rawQuery<T>(sql, params));
  }

  execute(sql: string, params?: SqlParam[]): Promise<number> {
    return this.serial(() => this.rawExecute(sql, params));
  }

  transaction<T>(fn: (tx: SqlExec) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const tx: SqlExec = {
          query: async <R>(sql: string, params?: SqlParam[]) => this.rawQuery<R>(sql, params),
          execute: async (sql: string, params?: SqlParam[]) => this.rawExecute(sql, params),
        };
        const result = await fn(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.chain;
    this.db.close();
  }

  private rawQuery<T>(sql: string, params?: SqlParam[]): T[] {
    this.assertOpen();
    return this.statement(sql).all(named(params)) as T[];
  }

  private rawExecute(sql: string, params?: SqlParam[]): number {
    this.assertOpen();
    return this.statement(sql).run(named(params)).changes;
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private serial<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    // The chain only orders work; each caller sees its own result or error through `run`.
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private assertOpen(): void {
    if (!this.db.open) throw new TicketStoreError('use the database', { cause: new Error('the ticket database is closed') });
  }
}

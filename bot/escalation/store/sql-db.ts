// The little SQL the escalation store needs, over either backend: `$1`-style parameters in both dialects, and
// transactions that hold the connection (SQLite) or a pooled client (PostgreSQL) for their whole duration.

export type SqlParam = string | number | null;

export interface SqlExec {
  /** Rows of a SELECT (or of INSERT/UPDATE ... RETURNING). */
  query<T>(sql: string, params?: SqlParam[]): Promise<T[]>;
  /** Runs a statement; answers the number of rows it changed. */
  execute(sql: string, params?: SqlParam[]): Promise<number>;
}

export interface SqlDb extends SqlExec {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExec) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Opens the escalation tables next to the bot state: the same SQLite file (a second connection), the same
// PostgreSQL database (a small pool of its own), or an in-memory SQLite database for STORAGE=memory.
import type { Config } from '../../config.js';
import { PostgresDb } from './postgres-db.js';
import { migrate } from './schema.js';
import type { SqlDb } from './sql-db.js';
import { SqliteDb } from './sqlite-db.js';

export async function openEscalationDb(storage: Config['storage']): Promise<SqlDb> {
  const db = storage.kind === 'postgres' ? await PostgresDb.open(storage.url) : new SqliteDb(storage.kind === 'sqlite' ? storage.file : ':memory:');
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

// Opens the bot's SQLite file the same way for every connection to it (bot state, escalation tables).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * WAL lets several connections share the file; NORMAL keeps every committed turn across a process crash (only an
 * OS crash can lose the last commits); the busy timeout lets a second connection wait instead of failing.
 */
export function openSqliteFile(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

// The escalation tables, in the same SQLite file / PostgreSQL database as the bot state. Created when missing.
import type { SqlDb } from './sql-db.js';

export async function migrate(db: SqlDb): Promise<void> {
  const id = db.dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'SERIAL PRIMARY KEY';
  const statements = [
    `CREATE TABLE IF NOT EXISTS escalation_tickets (id ${id}, status TEXT NOT NULL, user_conversation TEXT NOT NULL,
      thread_conversation TEXT, live INTEGER NOT NULL, version INTEGER NOT NULL, created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL, data TEXT NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS escalation_tickets_user ON escalation_tickets (user_conversation, live)',
    'CREATE INDEX IF NOT EXISTS escalation_tickets_thread ON escalation_tickets (thread_conversation)',
    `CREATE TABLE IF NOT EXISTS escalation_outbox (id ${id}, ticket_id INTEGER NOT NULL, lane TEXT NOT NULL, kind TEXT NOT NULL,
      payload TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL, lease_until BIGINT,
      last_error TEXT, done_at BIGINT, failed INTEGER NOT NULL, created_at BIGINT NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS escalation_outbox_due ON escalation_outbox (done_at, next_attempt_at)',
    `CREATE TABLE IF NOT EXISTS escalation_transcript (id ${id}, conversation_id TEXT NOT NULL, entry TEXT NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS escalation_transcript_conv ON escalation_transcript (conversation_id, id)',
    `CREATE TABLE IF NOT EXISTS escalation_uploads (id ${id}, conversation_id TEXT NOT NULL, upload TEXT NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS escalation_uploads_conv ON escalation_uploads (conversation_id, id)',
    `CREATE TABLE IF NOT EXISTS escalation_pending (id ${id}, conversation_id TEXT NOT NULL, activity TEXT NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS escalation_pending_conv ON escalation_pending (conversation_id, id)',
    'CREATE TABLE IF NOT EXISTS escalation_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
  ];
  // One transaction: two instances starting together on PostgreSQL must not half-create the schema.
  await db.transaction(async (tx) => {
    for (const sql of statements) await tx.execute(sql);
  });
}

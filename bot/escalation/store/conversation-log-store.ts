// Per-conversation records the escalation needs later: the redacted transcript, the redacted copies of uploads,
// messages queued for the terminal chat (it only sees replies to its own requests), and settings such as the
// engineers' channel captured by "engineers here".
import type { Activity } from 'botbuilder';
import type { PacketFile, TranscriptEntry } from '../types.js';
import type { SqlDb } from './sql-db.js';

/** Last entries kept per conversation: enough for an engineer to read, bounded for the database. */
export const TRANSCRIPT_LIMIT = 200;
export const UPLOADS_LIMIT = 50;

// Trimming deletes everything at or below the newest id past the limit: one index seek, where "NOT IN (the newest
// N)" built the list of kept ids on every append.
export class ConversationLogStore {
  constructor(private readonly db: SqlDb) {}

  async appendTranscript(conversationId: string, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const e of entries) await tx.execute('INSERT INTO escalation_transcript (conversation_id, entry) VALUES ($1, $2)', [conversationId, JSON.stringify(e)]);
      await tx.execute(
        `DELETE FROM escalation_transcript WHERE conversation_id = $1 AND id <=
           (SELECT id FROM escalation_transcript WHERE conversation_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)`,
        [conversationId, TRANSCRIPT_LIMIT],
      );
    });
  }

  async transcript(conversationId: string): Promise<TranscriptEntry[]> {
    const rows = await this.db.query<{ entry: string }>('SELECT entry FROM escalation_transcript WHERE conversation_id = $1 ORDER BY id', [conversationId]);
    return rows.map((r) => JSON.parse(r.entry) as TranscriptEntry);
  }

  async addUpload(conversationId: string, upload: Omit<PacketFile, 'evidence'>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute('INSERT INTO escalation_uploads (conversation_id, upload) VALUES ($1, $2)', [conversationId, JSON.stringify(upload)]);
      await tx.execute(
        `DELETE FROM escalation_uploads WHERE conversation_id = $1 AND id <=
           (SELECT id FROM escalation_uploads WHERE conversation_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)`,
        [conversationId, UPLOADS_LIMIT],
      );
    });
  }

  async uploads(conversationId: string): Promise<Omit<PacketFile, 'evidence'>[]> {
    const rows = await this.db.query<{ upload: string }>('SELECT upload FROM escalation_uploads WHERE conversation_id = $1 ORDER BY id', [conversationId]);
    return rows.map((r) => JSON.parse(r.upload) as Omit<PacketFile, 'evidence'>);
  }

  async queueForConversation(conversationId: string, activity: Partial<Activity>): Promise<void> {
    await this.db.execute('INSERT INTO escalation_pending (conversation_id, activity) VALUES ($1, $2)', [conversationId, JSON.stringify(activity)]);
  }

  /** Removes and answers the queued activities, oldest first. */
  async takeQueued(conversationId: string): Promise<Partial<Activity>[]> {
    // Asked on every terminal-chat turn and nearly always empty: a plain read settles that without taking the
    // write lock. A message queued just after it is taken on the next turn, as it would be anyway.
    const any = await this.db.query<{ id: number }>('SELECT id FROM escalation_pending WHERE conversation_id = $1 LIMIT 1', [conversationId]);
    if (any.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: number; activity: string }>('SELECT id, activity FROM escalation_pending WHERE conversation_id = $1 ORDER BY id', [conversationId]);
      if (rows.length === 0) return [];
      await tx.execute('DELETE FROM escalation_pending WHERE conversation_id = $1 AND id <= $2', [conversationId, Number(rows[rows.length - 1].id)]);
      return rows.map((r) => JSON.parse(r.activity) as Partial<Activity>);
    });
  }

  async getSetting(key: string): Promise<string | undefined> {
    const rows = await this.db.query<{ value: string }>('SELECT value FROM escalation_settings WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db.execute('INSERT INTO escalation_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }
}

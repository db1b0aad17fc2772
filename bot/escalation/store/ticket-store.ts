// Tickets as rows: the complete ticket (packet included) is inserted in one transaction with its first deliveries,
// so a crash leaves either no ticket or a whole one. Updates are optimistic (version column) and carry the
// deliveries they cause in the same transaction.
import { TicketNotFoundError, TicketStoreError } from '../errors.js';
import type { Ticket, TicketDraft, TicketStatus } from '../types.js';
import { insertOutbox, type OutboxDraft } from './outbox-store.js';
import type { SqlDb, SqlExec } from './sql-db.js';

interface TicketRow {
  id: number;
  version: number;
  data: string;
}

export interface TicketFilter {
  status?: TicketStatus;
  limit?: number;
}

/** A change to one ticket: mutate it in place, return the deliveries it causes. */
export type TicketChange = (ticket: Ticket) => OutboxDraft[] | void;

const MAX_UPDATE_ATTEMPTS = 8;

function toTicket(r: TicketRow): Ticket {
  return { ...(JSON.parse(r.data) as TicketDraft), id: Number(r.id), version: Number(r.version) };
}

function dataOf(t: TicketDraft | Ticket): string {
  const { id: _id, version: _version, ...data } = t as Ticket;
  return JSON.stringify(data);
}

export class TicketStore {
  constructor(
    private readonly db: SqlDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Inserts the whole ticket and its first deliveries atomically; answers it with its number. */
  async create(draft: TicketDraft, deliveries: OutboxDraft[]): Promise<Ticket> {
    const now = this.now();
    try {
      return await this.db.transaction(async (tx) => {
        const rows = await tx.query<{ id: number }>(
          `INSERT INTO escalation_tickets (status, user_conversation, thread_conversation, live, version, created_at, updated_at, data)
           VALUES ($1, $2, $3, $4, 1, $5, $5, $6) RETURNING id`,
          [draft.status, draft.user.conversationId, draft.thread?.conversationId ?? null, draft.live ? 1 : 0, now, dataOf(draft)],
        );
        const id = Number(rows[0].id);
        await insertOutbox(tx, id, deliveries, now);
        return { ...draft, id, version: 1 };
      });
    } catch (cause) {
      throw new TicketStoreError('create a ticket', { cause });
    }
  }

  async get(id: number): Promise<Ticket | undefined> {
    return this.one(this.db, 'SELECT id, version, data FROM escalation_tickets WHERE id = $1', [id]);
  }

  async list(filter: TicketFilter = {}): Promise<Ticket[]> {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
    const rows = filter.status
      ? await this.db.query<TicketRow>('SELECT id, version, data FROM escalation_tickets WHERE status = $1 ORDER BY id DESC LIMIT $2', [filter.status, limit])
      : await this.db.query<TicketRow>('SELECT id, version, data FROM escalation_tickets ORDER BY id DESC LIMIT $1', [limit]);
    return rows.map(toTicket);
  }

  /** Every ticket with the given status, oldest first (for the export). */
  async all(status?: TicketStatus): Promise<Ticket[]> {
    const rows = status
      ? await this.db.query<TicketRow>('SELECT id, version, data FROM escalation_tickets WHERE status = $1 ORDER BY id', [status])
      : await this.db.query<TicketRow>('SELECT id, version, data FROM escalation_tickets ORDER BY id');
    return rows.map(toTicket);
  }

  /** The user's live ticket in this conversation (at most one is live). */
  async findLive(userConversationId: string): Promise<Ticket | undefined> {
    return this.one(this.db, 'SELECT id, version, data FROM escalation_tickets WHERE user_conversation = $1 AND live = 1 ORDER BY id DESC LIMIT 1', [
      userConversationId,
    ]);
  }

  async findByThread(threadConversationId: string): Promise<Ticket | undefined> {
    return this.one(this.db, 'SELECT id, version, data FROM escalation_tickets WHERE thread_conversation = $1 ORDER BY id DESC LIMIT 1', [threadConversationId]);
  }

  /** Applies `change` to the current ticket and stores it with its deliveries; retried when someone else wrote first. */
  async update(id: number, change: TicketChange): Promise<Ticket> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const result = await this.db.transaction(async (tx) => {
        const current = await this.one(tx, 'SELECT id, version, data FROM escalation_tickets WHERE id = $1', [id]);
        if (!current) throw new TicketNotFoundError(id);
        const next: Ticket = structuredClone(current);
        const deliveries = change(next) ?? [];
        const now = this.now();
        next.updatedAt = new Date(now).toISOString();
        const changed = await tx.execute(
          `UPDATE escalation_tickets SET status = $3, thread_conversation = $4, live = $5, version = version + 1, updated_at = $6, data = $7
           WHERE id = $1 AND version = $2`,
          [id, current.version, next.status, next.thread?.conversationId ?? null, next.live ? 1 : 0, now, dataOf(next)],
        );
        if (changed !== 1) return undefined;
        await insertOutbox(tx, id, deliveries, now);
        return { ...next, version: current.version + 1 };
      });
      if (result) return result;
    }
    throw new TicketStoreError(`update ticket ${id}`, { cause: new Error('too many concurrent updates') });
  }

  private async one(db: SqlExec, sql: string, params: (string | number)[]): Promise<Ticket | undefined> {
    const rows = await db.query<TicketRow>(sql, params);
    return rows[0] ? toTicket(rows[0]) : undefined;
  }
}

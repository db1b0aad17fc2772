// The outbox: every delivery leaving the bot (webhook, Teams card, thread reply, message to the user) is a row,
// written in the same transaction as the ticket change that caused it, and retried until it is delivered. Items of
// one ticket and one lane are delivered in order: a later one waits while an earlier one is retried.
import type { SqlExec, SqlParam } from './sql-db.js';

export type OutboxKind = 'webhook' | 'teams-card' | 'thread-message' | 'user-message';
export type OutboxLane = 'webhook' | 'engineers' | 'user';

export const LANE_OF: Record<OutboxKind, OutboxLane> = {
  webhook: 'webhook',
  'teams-card': 'engineers',
  'thread-message': 'engineers',
  'user-message': 'user',
};

export interface OutboxDraft {
  kind: OutboxKind;
  payload: unknown;
}

export interface OutboxItem {
  id: number;
  ticketId: number;
  kind: OutboxKind;
  lane: OutboxLane;
  payload: unknown;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  doneAt?: number;
  failed: boolean;
}

interface OutboxRow {
  id: number;
  ticket_id: number;
  lane: string;
  kind: string;
  payload: string;
  attempts: number;
  next_attempt_at: number | string;
  last_error: string | null;
  done_at: number | string | null;
  failed: number;
}

function toItem(r: OutboxRow): OutboxItem {
  return {
    id: Number(r.id),
    ticketId: Number(r.ticket_id),
    kind: r.kind as OutboxKind,
    lane: r.lane as OutboxLane,
    payload: JSON.parse(r.payload) as unknown,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    lastError: r.last_error ?? undefined,
    doneAt: r.done_at === null ? undefined : Number(r.done_at),
    failed: Number(r.failed) === 1,
  };
}

/** Inserts drafts inside the caller's transaction. */
export async function insertOutbox(tx: SqlExec, ticketId: number, drafts: OutboxDraft[], now: number): Promise<void> {
  for (const d of drafts) {
    await tx.execute(
      `INSERT INTO escalation_outbox (ticket_id, lane, kind, payload, attempts, next_attempt_at, failed, created_at)
       VALUES ($1, $2, $3, $4, 0, $5, 0, $5)`,
      [ticketId, LANE_OF[d.kind], d.kind, JSON.stringify(d.payload), now],
    );
  }
}

export class OutboxStore {
  constructor(private readonly db: SqlExec) {}

  /** Items due now whose lane has no earlier undelivered item, oldest first. */
  async due(now: number, limit = 20): Promise<OutboxItem[]> {
    const rows = await this.db.query<OutboxRow>(
      `SELECT * FROM escalation_outbox o
       WHERE o.done_at IS NULL AND o.next_attempt_at <= $1 AND (o.lease_until IS NULL OR o.lease_until < $1)
         AND NOT EXISTS (SELECT 1 FROM escalation_outbox p
                         WHERE p.ticket_id = o.ticket_id AND p.lane = o.lane AND p.done_at IS NULL AND p.id < o.id)
       ORDER BY o.id LIMIT $2`,
      [now, limit],
    );
    return rows.map(toItem);
  }

  /** Takes an item for `leaseMs` (several bot instances may run workers); false when another took it first. */
  async claim(id: number, now: number, leaseMs: number): Promise<boolean> {
    const changed = await this.db.execute(
      'UPDATE escalation_outbox SET lease_until = $3 WHERE id = $1 AND done_at IS NULL AND (lease_until IS NULL OR lease_until < $2)',
      [id, now, now + leaseMs],
    );
    return changed === 1;
  }

  async complete(id: number, now: number): Promise<void> {
    await this.db.execute('UPDATE escalation_outbox SET done_at = $2, lease_until = NULL, attempts = attempts + 1, last_error = NULL WHERE id = $1', [id, now]);
  }

  async retryLater(id: number, error: string, nextAttemptAt: number): Promise<void> {
    await this.db.execute('UPDATE escalation_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3, lease_until = NULL WHERE id = $1', [
      id,
      error.slice(0, 500),
      nextAttemptAt,
    ]);
  }

  /** Gives up on an item (it can never be delivered); kept, visible in the ticket's deliveries. */
  async giveUp(id: number, error: string, now: number): Promise<void> {
    await this.db.execute('UPDATE escalation_outbox SET attempts = attempts + 1, last_error = $2, done_at = $3, failed = 1, lease_until = NULL WHERE id = $1', [
      id,
      error.slice(0, 500),
      now,
    ]);
  }

  async forTicket(ticketId: number): Promise<OutboxItem[]> {
    return (await this.db.query<OutboxRow>('SELECT * FROM escalation_outbox WHERE ticket_id = $1 ORDER BY id', [ticketId])).map(toItem);
  }

  /** Undelivered items of one kind for a ticket (a thread reply waits while the card is still undelivered). */
  async pendingOf(ticketId: number, kind: OutboxKind): Promise<number> {
    const params: SqlParam[] = [ticketId, kind];
    const rows = await this.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM escalation_outbox WHERE ticket_id = $1 AND kind = $2 AND done_at IS NULL', params);
    return Number(rows[0]?.n ?? 0);
  }

  /** The earliest time something is scheduled, for the worker's next wake-up. */
  async nextDueAt(): Promise<number | undefined> {
    const rows = await this.db.query<{ t: number | string | null }>('SELECT MIN(next_attempt_at) AS t FROM escalation_outbox WHERE done_at IS NULL');
    const t = rows[0]?.t;
    return t === null || t === undefined ? undefined : Number(t);
  }
}

// The escalation store: tickets, the delivery outbox and per-conversation logs, in SQLite or PostgreSQL.
export { ConversationLogStore, TRANSCRIPT_LIMIT, UPLOADS_LIMIT } from './conversation-log-store.js';
export { openEscalationDb } from './open-escalation-db.js';
export { LANE_OF, OutboxStore, insertOutbox, type OutboxDraft, type OutboxItem, type OutboxKind, type OutboxLane } from './outbox-store.js';
export { PostgresDb } from './postgres-db.js';
export { migrate } from './schema.js';
export type { SqlDb, SqlExec, SqlParam } from './sql-db.js';
export { SqliteDb } from './sqlite-db.js';
export { TicketStore, type TicketChange, type TicketFilter } from './ticket-store.js';

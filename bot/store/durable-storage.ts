// The Storage contract this bot relies on: Bot Framework's Storage plus an orderly close at shutdown.
import type { Storage } from 'botbuilder';

export interface DurableStorage extends Storage {
  readonly kind: 'sqlite' | 'postgres' | 'memory';
  /** Flushes and releases the backend; later calls fail. Idempotent. */
  close(): Promise<void>;
}

/** True when a write must be checked against the stored eTag ("*" and absent mean "overwrite"). */
export function isConditional(eTag: unknown): eTag is string {
  return typeof eTag === 'string' && eTag !== '' && eTag !== '*';
}

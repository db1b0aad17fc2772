// Works the outbox in the background: delivers what is due, retries failures with exponential backoff, and resumes
// after a restart (the outbox is a table). One pass at a time per process; claims make several instances safe.
import type { Logger } from '../../log.js';
import { errorContext } from '../../turn-error.js';
import { DeliveryError } from '../errors.js';
import type { OutboxItem, OutboxLane, OutboxStore } from '../store/index.js';
import { backoffDelay, type Backoff } from './backoff.js';

export interface OutboxWorkerOptions {
  outbox: OutboxStore;
  handle: (item: OutboxItem) => Promise<void>;
  log: Logger;
  backoff: Backoff;
  /** Attempts before an item is given up (kept, marked failed). Absent lane: never given up. */
  maxAttempts?: Partial<Record<OutboxLane, number>>;
  leaseMs?: number;
  now?: () => number;
  /** Longest sleep between passes, so items written by another instance are found. */
  pollMs?: number;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.kick();
  }

  /** Runs a pass now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        void this.scheduleNext();
      }
    });
  }

  /** Stops scheduling and waits for the pass in progress. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private async pass(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped) return;
        const items = await this.options.outbox.due(this.now());
        if (items.length === 0) return;
        for (const item of items) {
          if (this.stopped) return;
          if (!(await this.options.outbox.claim(item.id, this.now(), this.options.leaseMs ?? 120_000))) continue;
          await this.deliver(item);
        }
      }
    } catch (err) {
      this.options.log.error('escalation outbox pass failed', errorContext(err));
    }
  }

  private async deliver(item: OutboxItem): Promise<void> {
    try {
      await this.options.handle(item);
      await this.options.outbox.complete(item.id, this.now());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const failures = item.attempts + 1;
      const max = this.options.maxAttempts?.[item.lane];
      if ((err instanceof DeliveryError && err.permanent) || (max !== undefined && failures >= max)) {
        this.options.log.error('escalation delivery given up', { ticket: item.ticketId, kind: item.kind, attempts: failures, ...errorContext(err) });
        await this.options.outbox.giveUp(item.id, message, this.now());
        return;
      }
      const delay = backoffDelay(this.options.backoff, failures);
      this.options.log.warn('escalation delivery failed; will retry', { ticket: item.ticketId, kind: item.kind, attempts: failures, retryInMs: delay, ...errorContext(err) });
      await this.options.outbox.retryLater(item.id, message, this.now() + delay);
    }
  }

  private async scheduleNext(): Promise<void> {
    if (this.stopped) return;
    let wait = this.options.pollMs ?? 30_000;
    try {
      const next = await this.options.outbox.nextDueAt();
      if (next !== undefined) wait = Math.min(wait, Math.max(0, next - this.now()));
    } catch (err) {
      this.options.log.error('escalation outbox schedule failed', errorContext(err));
    }
    if (this.stopped || this.running) return;
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref();
  }
}

// Exponential backoff for deliveries: base, 2x base, 4x base ... capped, so an endpoint that is down for hours
// is retried every `maxMs` until it answers.
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, maxMs: 15 * 60_000 };

/** Delay before the next try after `failures` failed attempts (1 = the first failure). */
export function backoffDelay(policy: Backoff, failures: number): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
}

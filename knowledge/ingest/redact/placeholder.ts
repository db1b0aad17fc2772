// The one marker every redaction writes, so rules can recognise their own output and stay idempotent.
export const REDACTED = '[redacted]';

/** Adds one removal of `kind` to a counts map. */
export function bump(counts: Record<string, number>, kind: string, n = 1): void {
  counts[kind] = (counts[kind] ?? 0) + n;
}

/** Adds every count of `from` into `into` (used to combine per-line counts of a log). */
export function mergeCounts(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(from)) bump(into, k, v);
  return into;
}

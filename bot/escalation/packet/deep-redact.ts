// The safety net before anything leaves the conversation: every string anywhere in a value goes through
// redactText (idempotent, so already-redacted text is unchanged).
import { redactText } from '../../../knowledge/ingest/index.js';

export function deepRedact<T>(value: T): T {
  if (typeof value === 'string') return redactText(value).text as T;
  if (Array.isArray(value)) return value.map((v: unknown) => deepRedact(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, deepRedact(v)])) as T;
  }
  return value;
}

/** One user- or engineer-written text, redacted and capped. */
export function cleanText(text: string, max = 4000): string {
  const clean = redactText(text).text.trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

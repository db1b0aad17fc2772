// A small least-recently-used memo. Conversations re-diagnose the same messages on every turn, so what is derived
// from one message (codes, phrases, text-cue matches) is computed once and reused.
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert: Map keeps insertion order, so the oldest entry is always first.
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  getOrCompute(key: K, compute: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }
}

/**
 * A memo keyed by a message's text. Most messages are short and many are kept; a pasted log is long, and without a
 * place of its own it would be derived again on every later turn of its conversation (35 ms for 125 KB), so the
 * few most recent long ones are kept apart, where they cannot push out the short ones. Longer than `maxChars`
 * is never kept.
 */
export class TextMemo<V> {
  private readonly short: Lru<string, V>;
  private readonly long: Lru<string, V>;

  constructor(private readonly options: { shortEntries: number; shortChars: number; longEntries: number; maxChars: number }) {
    this.short = new Lru(options.shortEntries);
    this.long = new Lru(options.longEntries);
  }

  getOrCompute(text: string, compute: () => V): V {
    if (text.length <= this.options.shortChars) return this.short.getOrCompute(text, compute);
    if (text.length <= this.options.maxChars) return this.long.getOrCompute(text, compute);
    return compute();
  }
}

/** Sizes for per-message memos: 2000 messages up to 20 KB, and the 8 latest pasted logs up to 2 MB. */
export const MESSAGE_MEMO = { shortEntries: 2000, shortChars: 20_000, longEntries: 8, maxChars: 2_000_000 };

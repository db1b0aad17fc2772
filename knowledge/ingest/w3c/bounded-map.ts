// A Map that stops taking new keys at a cap and counts what it turned away, so a 1 GB log with millions of
// distinct URLs or clients keeps memory bounded while the totals stay exact.
import { StringIndex } from './string-index.js';

export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  /** Finds string keys without Map.get (see StringIndex); holds the same key objects as `map`. */
  private readonly index: StringIndex<V>;
  /** Records whose key was not kept because the map was full. */
  overflow = 0;

  constructor(readonly cap: number) {
    this.index = new StringIndex<V>(cap);
  }

  /** The value for `key`, created by `make` when there is room; undefined when the map is full. */
  upsert(key: K, make: () => V): V | undefined {
    const v = this.get(key);
    if (v !== undefined) return v;
    if (this.map.size >= this.cap) {
      this.overflow++;
      return undefined;
    }
    const created = make();
    this.set(key, created);
    return created;
  }

  /** Adds `value` under a key not in the map when there is room; returns false (and counts it) when full. */
  tryAdd(key: K, value: V): boolean {
    if (this.map.size >= this.cap) {
      this.overflow++;
      return false;
    }
    this.set(key, value);
    return true;
  }

  get(key: K): V | undefined {
    return typeof key === 'string' ? this.index.get(key) : this.map.get(key);
  }

  private set(key: K, value: V): void {
    // A key already present keeps its place in the map's order and is re-pointed in the index (Map.set semantics).
    this.map.set(key, value);
    if (typeof key === 'string') this.index.set(key, value);
  }

  get size(): number {
    return this.map.size;
  }

  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }
}

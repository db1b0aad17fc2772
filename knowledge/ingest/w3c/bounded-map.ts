// A Map that stops taking new keys at a cap and counts what it turned away, so a 1 GB log with millions of
// distinct URLs or clients keeps memory bounded while the totals stay exact.

export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  /** Records whose key was not kept because the map was full. */
  overflow = 0;

  constructor(readonly cap: number) {}

  /** The value for `key`, created by `make` when there is room; undefined when the map is full. */
  upsert(key: K, make: () => V): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) return v;
    if (this.map.size >= this.cap) {
      this.overflow++;
      return undefined;
    }
    const created = make();
    this.map.set(key, created);
    return created;
  }

  /** Adds `value` under a new key when there is room; returns false (and counts it) when full. */
  tryAdd(key: K, value: V): boolean {
    if (this.map.size >= this.cap) {
      this.overflow++;
      return false;
    }
    this.map.set(key, value);
    return true;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
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

// A fixed-size open-addressing hash table from strings to values, hashed in JS. Log lines are cut into fresh strings,
// and Map.get must first have V8 hash each one (a call out of the fast path); hashing the few characters of an IP
// address or user name here and comparing with === costs less than half. Never shrinks, never grows past `cap`.

export class StringIndex<V> {
  private readonly keys: (string | undefined)[];
  private readonly values: (V | undefined)[];
  private readonly mask: number;

  constructor(cap: number) {
    // At most half full, so probe runs stay short.
    let size = 16;
    while (size < cap * 2) size *= 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
    this.mask = size - 1;
  }

  get(key: string): V | undefined {
    for (let i = hash(key) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === key) return this.values[i];
      if (k === undefined) return undefined;
    }
  }

  /** Sets the value of `key`; the caller keeps the number of distinct keys within `cap`. */
  set(key: string, value: V): void {
    let i = hash(key) & this.mask;
    while (this.keys[i] !== undefined && this.keys[i] !== key) i = (i + 1) & this.mask;
    this.keys[i] = key;
    this.values[i] = value;
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

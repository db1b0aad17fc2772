// Non-durable Storage for tests and benchmarks of the stack itself (STORAGE=memory): same eTag contract as the
// durable backends (including all-or-nothing writes, which botbuilder's MemoryStorage does not give), gone on exit.
import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import { isConditional, type DurableStorage } from './durable-storage.js';
import { StorageBackendError, StorageConflictError } from './errors.js';

export class InMemoryStorage implements DurableStorage {
  readonly kind = 'memory' as const;
  // Stored as JSON so callers never share objects with the store (like a real backend).
  private readonly items = new Map<string, { etag: string; data: string }>();
  private closed = false;

  async read(keys: string[]): Promise<StoreItems> {
    this.assertOpen('read');
    const out: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (item) out[key] = { ...(JSON.parse(item.data) as object), eTag: item.etag };
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    this.assertOpen('write');
    const entries = Object.entries(changes).map(([key, item]) => {
      const { eTag, ...data } = (item ?? {}) as Record<string, unknown>;
      return { key, eTag, data: JSON.stringify(data) };
    });
    // Check everything first so a conflict leaves nothing half-written.
    for (const e of entries) {
      const current = this.items.get(e.key);
      if (isConditional(e.eTag) && current && current.etag !== e.eTag) throw new StorageConflictError(e.key);
    }
    for (const e of entries) this.items.set(e.key, { etag: randomUUID(), data: e.data });
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen('delete');
    for (const key of keys) this.items.delete(key);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw new StorageBackendError('memory', operation, { cause: new Error('storage is closed') });
  }
}

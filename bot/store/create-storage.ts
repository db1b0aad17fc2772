// Picks the Storage backend named by the configuration.
import type { Config } from '../config.js';
import type { DurableStorage } from './durable-storage.js';
import { InMemoryStorage } from './memory-storage.js';
import { PostgresStorage } from './postgres-storage.js';
import { SqliteStorage } from './sqlite-storage.js';

export async function createStorage(storage: Config['storage']): Promise<DurableStorage> {
  switch (storage.kind) {
    case 'sqlite':
      return new SqliteStorage(storage.file);
    case 'postgres':
      return PostgresStorage.open(storage.url);
    case 'memory':
      return new InMemoryStorage();
  }
}

/** Where the data lives, for the start-up log (no credentials: the password is cut from the URL). */
export function describeStorage(storage: Config['storage']): string {
  switch (storage.kind) {
    case 'sqlite':
      return `SQLite ${storage.file}`;
    case 'postgres': {
      const url = new URL(storage.url);
      return `PostgreSQL ${url.hostname || 'unix socket'}${url.port ? `:${url.port}` : ''}${url.pathname}`;
    }
    case 'memory':
      return 'memory (not durable: state is lost on exit)';
  }
}

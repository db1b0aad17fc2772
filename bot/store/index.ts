export { createStorage, describeStorage } from './create-storage.js';
export type { DurableStorage } from './durable-storage.js';
export { StorageBackendError, StorageConflictError } from './errors.js';
export { InMemoryStorage } from './memory-storage.js';
export { PostgresStorage } from './postgres-storage.js';
export { SqliteStorage } from './sqlite-storage.js';
export { JsonConversationState, JsonUserState, stateSnapshot } from './json-change-state.js';

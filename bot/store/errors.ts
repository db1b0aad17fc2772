// Typed storage errors: callers (and tests) tell an eTag conflict apart from a broken database.

/** A write carried an eTag that no longer matches the stored item: someone else wrote first. */
export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

/** The storage backend failed (cannot open the file, lost the connection, corrupt row...). */
export class StorageBackendError extends Error {
  constructor(
    readonly backend: 'sqlite' | 'postgres' | 'memory',
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(`${backend} storage failed to ${operation}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
    this.name = 'StorageBackendError';
  }
}

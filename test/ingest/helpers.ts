// Shared helpers for the ingestion tests: fixture paths and the real samples in ../shared/reference.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Evidence } from '../../knowledge/types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, '..', 'fixtures', 'ingest');
export const REFERENCE_LOGS = join(here, '..', '..', '..', 'shared', 'reference', 'logs');
export const hasReference = existsSync(REFERENCE_LOGS);

export function fixture(rel: string): Buffer {
  return readFileSync(join(FIXTURES, rel));
}

export function reference(name: string): Buffer {
  return readFileSync(join(REFERENCE_LOGS, name));
}

export function values(evidence: Evidence[], key: string): string[] {
  return evidence.filter((e) => e.key === key).map((e) => e.value);
}

export function find(evidence: Evidence[], key: string, value: string): Evidence | undefined {
  return evidence.find((e) => e.key === key && e.value === value);
}

/** Yields a buffer in chunks of `size` bytes, to exercise chunk boundaries. */
export async function* chunked(data: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

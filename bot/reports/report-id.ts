// Report ids are the only key to a report: 128 random bits, base64url (22 characters), never derived from content.
import { randomFillSync } from 'node:crypto';

const REPORT_ID = /^[A-Za-z0-9_-]{22}$/;
const ID_BYTES = 16;

// One call to the system's random source per 256 ids rather than one per id (as randomUUID does): each id still
// gets its own 16 bytes, never reused.
const pool = Buffer.alloc(ID_BYTES * 256);
let next = pool.length;

export function newReportId(): string {
  if (next + ID_BYTES > pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const id = pool.toString('base64url', next, next + ID_BYTES);
  next += ID_BYTES;
  return id;
}

export function isReportId(value: string): boolean {
  return REPORT_ID.test(value);
}

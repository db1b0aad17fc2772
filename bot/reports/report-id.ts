// Report ids are the only key to a report: 128 random bits, base64url (22 characters), never derived from content.
import { randomBytes } from 'node:crypto';

const REPORT_ID = /^[A-Za-z0-9_-]{22}$/;

export function newReportId(): string {
  return randomBytes(16).toString('base64url');
}

export function isReportId(value: string): boolean {
  return REPORT_ID.test(value);
}

// Error codes, HTTP statuses and event ids come from knowledge/codes (the one decoder); this maps its families.
import { findCodes } from '../../codes/index.js';
import type { CodeEntityType } from '../types.js';
import type { Candidate } from './scan.js';

const FAMILY_TO_TYPE: Record<string, CodeEntityType> = {
  hresult: 'hresult',
  win32: 'win32',
  ntstatus: 'ntstatus',
  sspi: 'sspi',
  kerberos: 'kerberos',
  http: 'http_status',
  event: 'event_id',
};

export function codeCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of findCodes(text)) {
    const type = FAMILY_TO_TYPE[m.decoded.family];
    if (!type) continue;
    const c: Candidate = { type, value: text.slice(m.start, m.end), start: m.start, end: m.end, priority: 0 };
    if (m.decoded.canonical !== c.value) c.canonical = m.decoded.canonical;
    out.push(c);
  }
  return out;
}

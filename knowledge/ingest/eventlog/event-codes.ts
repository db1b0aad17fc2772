// The error codes an event carries, canonicalised with the right family: 4768/4769/4771 "Status" is a Kerberos
// result code (0x18, 0xD), 4625/4776 Status/SubStatus are NTSTATUS, WAS puts a Win32 error in <Binary> (a
// little-endian DWORD), and Security-Kerberos event 4 is always KRB_AP_ERR_MODIFIED.
import { canonicalCode, type CodeHint } from '../../codes/index.js';
import type { WinEvent } from './read-events.js';

export interface EventCode {
  field: string;
  raw: string;
  code: string;
}

const CODE_FIELDS = [
  'Status',
  'SubStatus',
  'FailureCode',
  'Failure Code',
  'Result Code',
  'ResultCode',
  'ErrorCode',
  'Error Code',
];
const KERBEROS_DC_EVENTS = new Set(['4768', '4769', '4771', '4772', '4773']);
const KRB_AP_ERR_MODIFIED = 0x29;

function isSecurity(ev: WinEvent): boolean {
  return /Security-Auditing/i.test(ev.provider) || ev.channel === 'Security';
}

function isKerberosClient(ev: WinEvent): boolean {
  return /Security-Kerberos|^Kerberos$/i.test(ev.provider);
}

function hintFor(ev: WinEvent, value: string): CodeHint | undefined {
  if ((isSecurity(ev) && KERBEROS_DC_EVENTS.has(ev.id)) || isKerberosClient(ev)) return 'kerberos';
  if (/^0x[cC][0-9a-fA-F]{7}$/.test(value)) return 'ntstatus';
  return undefined;
}

/** "2E050000" (bytes of a little-endian DWORD) -> 1326; null when not exactly four bytes. */
export function binaryDword(hex: string): number | null {
  if (!/^[0-9a-f]{8}$/i.test(hex)) return null;
  const b = Buffer.from(hex, 'hex');
  return b.readUInt32LE(0);
}

/** Codes of one event, one per distinct canonical value, success values left out. */
export function eventCodes(ev: WinEvent): EventCode[] {
  const out: EventCode[] = [];
  const add = (field: string, raw: string, code: string | null) => {
    if (code && !out.some((c) => c.code === code)) out.push({ field, raw, code });
  };
  for (const field of CODE_FIELDS) {
    const raw = (ev.fields[field] ?? '').trim();
    // Kerberos client events write "0x29 KRB_AP_ERR_MODIFIED": the number is the first word.
    const value = /^(0x[0-9a-f]+|\d+)\b/i.exec(raw)?.[1];
    if (!value || /^0x0+$|^0+$/i.test(value)) continue;
    add(field, raw, canonicalCode(value, hintFor(ev, value)));
  }
  if (isKerberosClient(ev) && ev.id === '4')
    add('event', '4', canonicalCode(KRB_AP_ERR_MODIFIED, 'kerberos'));
  // Application Error 1000 writes the crash's NTSTATUS without its 0x ("c00000fd").
  const exception = /^(?:0x)?([0-9a-f]{8})$/i.exec((ev.fields.ExceptionCode ?? '').trim())?.[1];
  if (exception) add('ExceptionCode', ev.fields.ExceptionCode, canonicalCode(`0x${exception}`, 'ntstatus'));
  if (/WAS$/i.test(ev.provider) && ev.fields.Binary) {
    const n = binaryDword(ev.fields.Binary);
    if (n) add('Binary', ev.fields.Binary, canonicalCode(n, 'win32'));
  }
  return out;
}

// Indexes over the data tables: by canonical form and by symbolic name. Built once at import; pure data.
import { NAME_ALIASES } from './data/aliases.js';
import { HRESULT_CODES } from './data/hresult.js';
import { KERBEROS_CODES } from './data/kerberos.js';
import { NTSTATUS_CODES } from './data/ntstatus.js';
import { WIN32_CODES } from './data/win32.js';
import { hex8, kerberosToCanonical, win32ToCanonical } from './numbers.js';

export type CodeFamily = 'win32' | 'hresult' | 'sspi' | 'ntstatus' | 'kerberos';

export interface KnownCode {
  canonical: string;
  family: CodeFamily;
  name: string;
  message: string;
  source: string;
  note?: string;
  /** Win32 number for win32 rows; the LsaNtStatusToWinError result for NTSTATUS rows. */
  win32?: number;
  /** Kerberos number for Kerberos rows. */
  kerberos?: number;
}

const byCanonical = new Map<string, KnownCode>();
const byName = new Map<string, string>();
/** Win32 number -> NTSTATUS canonicals that LsaNtStatusToWinError maps to it. */
const ntByWin32 = new Map<number, string[]>();

function add(code: KnownCode): void {
  // First row wins: a table lists a primary name before any alias.
  if (!byCanonical.has(code.canonical)) byCanonical.set(code.canonical, code);
  byName.set(code.name.toUpperCase(), code.canonical);
}

for (const row of WIN32_CODES) {
  const canonical = win32ToCanonical(row.code);
  if (canonical === null) {
    byName.set(row.name, '');
    continue;
  }
  add({ canonical, family: 'win32', name: row.name, message: row.message, source: row.source, win32: row.code });
}
for (const row of NTSTATUS_CODES) {
  const canonical = hex8(row.code);
  add({ canonical, family: 'ntstatus', name: row.name, message: row.message, source: row.source, win32: row.win32 });
  if (row.win32 !== undefined) {
    const list = ntByWin32.get(row.win32) ?? [];
    list.push(canonical);
    ntByWin32.set(row.win32, list);
  }
}
for (const row of HRESULT_CODES) {
  const family: CodeFamily = ((row.code >>> 16) & 0x7ff) === 9 ? 'sspi' : 'hresult';
  add({ canonical: hex8(row.code), family, name: row.name, message: row.message, source: row.source });
}
for (const row of KERBEROS_CODES) {
  add({
    canonical: kerberosToCanonical(row.code),
    family: 'kerberos',
    name: row.name,
    message: row.message,
    source: row.source,
    note: row.note,
    kerberos: row.code,
  });
}
for (const [alias, value] of NAME_ALIASES) byName.set(alias, value === 0 ? '' : hex8(value));

export function knownByCanonical(canonical: string): KnownCode | undefined {
  return byCanonical.get(canonical);
}

/**
 * Canonical form of a symbolic name ("ERROR_BAD_IMPERSONATION_LEVEL" -> "0x80070542"); "" for a success name
 * (ERROR_SUCCESS, S_OK); undefined when the name is not in our tables.
 */
export function canonicalOfName(name: string): string | undefined {
  return byName.get(name.toUpperCase());
}

/** Other names for a canonical code ("E_ACCESSDENIED" for 0x80070005). */
export function aliasesOf(canonical: string): string[] {
  return [...(aliases.get(canonical) ?? [])];
}

const aliases = new Map<string, string[]>();
for (const [name, canonical] of byName) {
  if (canonical === '' || byCanonical.get(canonical)?.name === name) continue;
  aliases.set(canonical, [...(aliases.get(canonical) ?? []), name]);
}

export function ntStatusesForWin32(win32: number): readonly string[] {
  return ntByWin32.get(win32) ?? [];
}

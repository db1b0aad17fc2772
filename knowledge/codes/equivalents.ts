// Equivalent canonical forms of one condition, so a signature written as 1346 matches evidence 0xC00000A5.
// Only exact mappings count: HRESULT_FROM_WIN32 (already one canonical), LsaNtStatusToWinError both ways, and
// HRESULT_FROM_NT (0xD...... <-> 0xC......). Related-but-different codes (SEC_E_TIME_SKEW vs KRB_AP_ERR_SKEW) are not.
import { canonicalCode } from './canonical.js';
import { hex8, win32ToCanonical } from './numbers.js';
import { knownByCanonical, ntStatusesForWin32 } from './tables.js';

const HEX8 = /^0x[0-9A-F]{8}$/;

/** Other canonical forms of the same condition (never the canonical itself). */
export function equivalentsOf(canonical: string): string[] {
  if (!HEX8.test(canonical)) return [];
  const value = parseInt(canonical.slice(2), 16) >>> 0;
  const out: string[] = [];
  if (value >>> 16 === 0x8007) {
    for (const nt of ntStatusesForWin32(value & 0xffff)) out.push(nt);
  }
  const known = knownByCanonical(canonical);
  if (known?.family === 'ntstatus' && known.win32 !== undefined) {
    const win32 = win32ToCanonical(known.win32);
    if (win32 !== null) out.push(win32);
  }
  // HRESULT_FROM_NT sets the N bit (0x10000000): 0xD000006D wraps STATUS_LOGON_FAILURE.
  if (value >>> 28 === 0xd) out.push(hex8(value & ~0x10000000));
  if (value >>> 28 === 0xc) out.push(hex8(value | 0x10000000));
  return out.filter((c, i) => c !== canonical && out.indexOf(c) === i);
}

/** The canonical itself plus its equivalents; accepts any notation canonicalCode accepts. [] when it is no code. */
export function equivalentCodes(canonical: string): string[] {
  const c = /^(0x[0-9A-F]{8}|KRB:0x[0-9A-F]{2})$/.test(canonical) ? canonical : canonicalCode(canonical);
  if (c === null) return [];
  return [c, ...equivalentsOf(c)];
}

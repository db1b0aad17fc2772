// The bit layout of HRESULT and NTSTATUS values, in words: severity, facility name and number, code.
// Source: Microsoft documentation, "Structure of COM Error Codes" and [MS-ERREF] 2.1 (HRESULT), 2.3 (NTSTATUS).
import { FACILITIES, NT_FACILITIES } from './data/facilities.js';
import { hexShort } from './numbers.js';

/** "severity failure, facility WIN32 (7), code 0x542 (1346)" */
export function describeHresult(value: number): string {
  const failure = value >>> 31 === 1;
  const facility = (value >>> 16) & 0x7ff;
  const code = value & 0xffff;
  const name = FACILITIES.get(facility) ?? 'unknown';
  return `severity ${failure ? 'failure' : 'success'}, facility ${name} (${facility}), code ${hexShort(code)} (${code})`;
}

const NT_SEVERITY = ['success', 'informational', 'warning', 'error'];

/** "severity error, facility SYSTEM (0), code 0x6D (109)" */
export function describeNtStatus(value: number): string {
  const severity = NT_SEVERITY[value >>> 30];
  const facility = (value >>> 16) & 0xfff;
  const code = value & 0xffff;
  const name = NT_FACILITIES.get(facility) ?? 'unknown';
  return `severity ${severity}, facility ${name} (${facility}), code ${hexShort(code)} (${code})`;
}

/** The signed 32-bit reading, as .NET (COMException.HResult) and some logs print it. */
export function signed32(value: number): number {
  return value | 0;
}

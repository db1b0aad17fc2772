// canonicalCode: every notation of one code becomes the single string the knowledge base matches on.
//   Win32 errors, in any notation -> HRESULT_FROM_WIN32 form "0x80070542" (8 upper-case hex digits, lower-case x).
//   Other HRESULTs (SSPI SEC_E_*, COM) and NTSTATUS -> their own 32-bit value: "0x8009030E", "0xC000006D".
//   Kerberos -> "KRB:0x" + two upper-case hex digits: "KRB:0x29", "KRB:0x07".
//   Success (0, ERROR_SUCCESS, S_OK) -> null. Unknown but well-formed numbers still canonicalise: losing a code we do
//   not know would lose evidence.
import { hex8, kerberosToCanonical, parseNumber, win32ToCanonical } from './numbers.js';
import { canonicalOfName } from './tables.js';

export type CodeHint = 'win32' | 'hresult' | 'ntstatus' | 'kerberos';

const SYMBOL = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/i;
const KRB_PREFIX = /^KRB:\s*(?:0x)?([0-9a-f]{1,2})$/i;

export function canonicalCode(raw: string | number, hint?: CodeHint): string | null {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < -0x80000000 || raw > 0xffffffff) return null;
    return fromValue(raw >>> 0, hint, raw < 0);
  }
  const text = raw.trim();
  if (text.length === 0 || text.length > 80) return null;
  const krb = KRB_PREFIX.exec(text);
  if (krb) return kerberosToCanonical(parseInt(krb[1], 16));
  if (SYMBOL.test(text)) {
    const canonical = canonicalOfName(text);
    if (canonical === undefined) return null;
    return canonical === '' ? null : canonical;
  }
  const parsed = parseNumber(text);
  if (!parsed) return null;
  return fromValue(parsed.value, hint, text.startsWith('-'));
}

function fromValue(value: number, hint: CodeHint | undefined, negative: boolean): string | null {
  if (hint === 'kerberos') return value <= 0xff ? kerberosToCanonical(value) : null;
  if (value === 0) return null;
  // A negative number is a signed HRESULT/NTSTATUS; a small positive one is a Win32 error unless the caller says not.
  if (!negative && value <= 0xffff && (hint === undefined || hint === 'win32')) return win32ToCanonical(value);
  return hex8(value);
}

// Number notations shared by the canonicaliser and the finder: one place decides what a hex or decimal string is.

/** Canonical hex of a 32-bit value: "0x" + 8 upper-case digits (lower-case x). */
export function hex8(value: number): string {
  return '0x' + (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** Short hex for a Win32 or Kerberos number in prose: "0x542". */
export function hexShort(value: number): string {
  return '0x' + value.toString(16).toUpperCase();
}

/** The HRESULT_FROM_WIN32 form of a Win32 error, or null for success (0). */
export function win32ToCanonical(code: number): string | null {
  if (code === 0) return null;
  if (code > 0xffff) return hex8(code);
  return hex8(0x80070000 | code);
}

/** Kerberos canonical form: "KRB:0x" + two upper-case hex digits ("KRB:0x07", "KRB:0x29"). */
export function kerberosToCanonical(code: number): string {
  return 'KRB:0x' + code.toString(16).toUpperCase().padStart(2, '0');
}

const HEX = /^(?:0x)?([0-9a-f]{1,8})$/i;
const DECIMAL = /^([+-]?)(\d{1,10})$/;

export interface ParsedNumber {
  value: number;
  /** True when written in hex (with 0x or with a-f digits). */
  hex: boolean;
  /** Number of significant digits written (hex digits for hex). */
  digits: number;
}

/**
 * Reads hex ("0x542", "C000006D", "80070542" when it is clearly an HRESULT) or decimal (signed or unsigned 32-bit).
 * Returns the unsigned 32-bit value, or null when the text is no such number.
 */
export function parseNumber(raw: string): ParsedNumber | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > 12) return null;
  const dec = DECIMAL.exec(text);
  // Eight bare digits starting 800 are an HRESULT written without 0x (decimal 80070542 means nothing here).
  if (dec && !(dec[1] === '' && dec[2].length === 8 && /^800[0-9]/.test(dec[2]))) {
    const n = Number(dec[2]) * (dec[1] === '-' ? -1 : 1);
    if (n < -0x80000000 || n > 0xffffffff) return null;
    return { value: n >>> 0, hex: false, digits: dec[2].length };
  }
  const hex = HEX.exec(text);
  if (!hex) return null;
  if (!/^0x/i.test(text) && !/[a-f]/i.test(text) && text.length !== 8) return null;
  return { value: parseInt(hex[1], 16) >>> 0, hex: true, digits: hex[1].replace(/^0+(?=.)/, '').length };
}

// Other symbolic names for codes already in the tables (winerror.h defines several names for one value).
// Source: winerror.h as documented in "COM Error Codes" (learn.microsoft.com/windows/win32/com/com-error-codes-1).

/** Alias -> the value (unsigned HRESULT) it stands for; 0 means success. */
export const NAME_ALIASES: ReadonlyMap<string, number> = new Map([
  ['E_ACCESSDENIED', 0x80070005],
  ['NO_ERROR', 0],
  ['S_OK', 0],
]);

// What counts as a secret in an IIS / ASP.NET configuration file, decided from the element, the attribute and its
// siblings: password attributes, machineKey keys, connection-string passwords, appSettings values of secret keys.
import { REDACTED } from '../redact/index.js';

const PASSWORD_ATTR = /^(password|pwd|passwd)$/i;
const MACHINE_KEY_ATTR = /^(validationKey|decryptionKey)$/i;
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'secret',
  'token',
  'apikey',
  'key',
  'connectionstring',
  'connstr',
  'credential',
  'credentials',
  'sas',
  'signature',
  'privatekey',
  'clientsecret',
]);
const CONN_PASSWORD = /((?:^|;)\s*(?:password|pwd)\s*=\s*)('[^']*'|"[^"]*"|[^;]*)/gi;

/** True for an appSettings key that names a secret ("DbPassword", "api_key", "StorageConnectionString"). */
export function looksSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  if (/password|passwd|secret|token|apikey|api[-_.]key|connectionstring|credential|pwd/.test(lower))
    return true;
  const words = key.split(/(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+/).map((w) => w.toLowerCase());
  return words.some((w) => SECRET_WORDS.has(w));
}

/** IIS stores some passwords encrypted in place ("[enc:AesProvider:...:enc]"): those are not plaintext. */
export function isEncryptedValue(value: string): boolean {
  return /^\[enc:[^:\]]+:.*:enc\]$/s.test(value.trim());
}

/** A connection string with its Password=/Pwd= values redacted, and how many were. */
export function redactConnectionString(value: string): { value: string; count: number } {
  let count = 0;
  const out = value.replace(CONN_PASSWORD, (m: string, prefix: string, secret: string) => {
    const bare = secret.trim().replace(/^['"]|['"]$/g, '');
    if (bare === '' || bare === REDACTED) return m;
    count++;
    return `${prefix}${REDACTED}`;
  });
  return { value: out, count };
}

/** True when a connection string authenticates as the process (no password in it). */
export function usesIntegratedSecurity(value: string): boolean {
  return /(integrated\s+security|trusted_connection)\s*=\s*(sspi|true|yes)/i.test(value);
}

export interface AttributeVerdict {
  /** The value to show. */
  value: string;
  /** Redaction kind for the counts, when something was removed. */
  kind?: string;
  /** How many secrets were removed (a connection string may hold more than one). */
  count: number;
  /** True when a readable credential was in the file. */
  plaintext: boolean;
}

/** Decides how one attribute of one element is shown. `attrs` are the element's other attributes. */
export function judgeAttribute(
  element: string,
  attr: string,
  value: string,
  attrs: Record<string, string>,
): AttributeVerdict {
  const keep: AttributeVerdict = { value, count: 0, plaintext: false };
  if (value.trim() === '' || value === REDACTED) return keep;
  if (PASSWORD_ATTR.test(attr)) {
    return { value: REDACTED, kind: 'password attribute', count: 1, plaintext: !isEncryptedValue(value) };
  }
  if (element === 'machineKey' && MACHINE_KEY_ATTR.test(attr)) {
    // "AutoGenerate,IsolateApps" is a setting, not a key.
    if (/^autogenerate/i.test(value.trim())) return keep;
    return { value: REDACTED, kind: 'machineKey', count: 1, plaintext: false };
  }
  if (/^connectionString$/i.test(attr)) {
    const r = redactConnectionString(value);
    return r.count > 0
      ? { value: r.value, kind: 'connection-string password', count: r.count, plaintext: true }
      : keep;
  }
  if (element === 'add' && attr === 'value' && attrs.key !== undefined && looksSecretKey(attrs.key)) {
    return { value: REDACTED, kind: 'appSettings secret', count: 1, plaintext: !isEncryptedValue(value) };
  }
  return keep;
}

// Numbers FREB writes in EventData and the names people know them by (freb:Description gives the same names when
// the trace was rendered with descriptions; these tables cover traces without them).

const NOTIFICATIONS: Record<number, string> = {
  1: 'BEGIN_REQUEST',
  2: 'AUTHENTICATE_REQUEST',
  4: 'AUTHORIZE_REQUEST',
  8: 'RESOLVE_REQUEST_CACHE',
  16: 'MAP_REQUEST_HANDLER',
  32: 'ACQUIRE_REQUEST_STATE',
  64: 'PRE_EXECUTE_REQUEST_HANDLER',
  128: 'EXECUTE_REQUEST_HANDLER',
  256: 'RELEASE_REQUEST_STATE',
  512: 'UPDATE_REQUEST_CACHE',
  1024: 'LOG_REQUEST',
  2048: 'END_REQUEST',
  0x20000000: 'SEND_RESPONSE',
  0x40000000: 'READ_ENTITY',
  0x80000000: 'MAP_PATH',
};

const AUTH_TYPES: Record<number, string> = {
  1: 'Anonymous',
  2: 'Basic',
  4: 'NT',
  16: 'Digest',
  128: 'MapCliCert',
};

/** Notification name from its description or number ("16" -> "MAP_REQUEST_HANDLER"). */
export function notificationName(raw: string | undefined, description: string | undefined): string {
  if (description) return description;
  const n = Number(raw);
  return NOTIFICATIONS[n] ?? raw ?? '';
}

/** Authentication type name from its description or number ("4" -> "NT"). */
export function authTypeName(raw: string | undefined, description: string | undefined): string {
  if (description) return description;
  const n = Number(raw);
  return AUTH_TYPES[n] ?? raw ?? '';
}

/**
 * TokenImpersonationLevel as FACTS.md names it. FREB's 3 ("ImpersonationDelegate") does not tell impersonation
 * from delegation (anonymous IUSR requests show it too), so it reads as Impersonation; NTLMUsed says whether the
 * token could have been delegated.
 */
export function impersonationLevelName(raw: string | undefined, description: string | undefined): string {
  const d = (description ?? '').toLowerCase();
  if (d === 'anonymous' || raw === '0') return 'Anonymous';
  if (d.startsWith('identif') || raw === '1') return 'Identification';
  if (d.includes('impersonat') || raw === '2' || raw === '3') return 'Impersonation';
  if (d.startsWith('delegat')) return 'Delegation';
  return description || raw || '';
}

const STATIC_EXT = new Set([
  'css',
  'js',
  'mjs',
  'map',
  'png',
  'gif',
  'jpg',
  'jpeg',
  'ico',
  'svg',
  'bmp',
  'webp',
  'woff',
  'woff2',
  'ttf',
  'eot',
  'otf',
  'htm',
  'html',
  'txt',
  'xml',
  'json',
  'pdf',
]);

/** True when the URL path ends in a static-file extension. */
export function isStaticUrl(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot !== -1 && STATIC_EXT.has(last.slice(dot + 1).toLowerCase());
}

/** "500" -> "500.0", "401.2" stays; "" stays "". */
export function normaliseStatus(raw: string | undefined, sub?: string): string {
  const s = (raw ?? '').trim();
  if (!s) return '';
  if (s.includes('.')) return s;
  const subs = (sub ?? '').trim();
  return `${s}.${subs === '' ? '0' : subs}`;
}

/** The path (and query) of a FREB url ("http://host:80/a/b.css?x" -> "/a/b.css?x"). */
export function urlPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url);
  if (!m) return url;
  return m[1] ?? '/';
}

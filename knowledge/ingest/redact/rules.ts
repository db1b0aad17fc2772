// The redaction rules, in the order they run. Each rule replaces only the secret part of a match with [redacted]
// and leaves anything already redacted alone, which is what makes redactText idempotent.
import { REDACTED } from './placeholder.js';

export interface RedactionRule {
  /** Human label used in the counts ("password attribute"). */
  kind: string;
  re: RegExp;
  /**
   * A cheap necessary condition for `re` to match: false means it cannot, so the regex is skipped (most text has
   * no secrets and no trigger words, and a few of these regexes backtrack at every word). Only characters and
   * words every match of `re` contains, matched with the same case rules (single characters first: fastest).
   */
  mayMatch: (text: string) => boolean;
  /** Rewrites one match; returns the match unchanged when there is nothing (more) to remove. */
  replace: (match: string, groups: (string | undefined)[]) => string;
}

/** True when a value is empty or already redacted (quotes and surrounding spaces ignored). */
export function isDone(value: string | undefined): boolean {
  const v = (value ?? '').trim().replace(/^["']|["']$/g, '').trim();
  return v === '' || v.startsWith(REDACTED);
}

/** Redacts the inside of a quoted value, or the whole bare value. */
function quoted(value: string): string {
  const q = value[0];
  if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) return q + REDACTED + q;
  return REDACTED;
}

/** Base64/URL-safe text that looks like a credential rather than an English word. */
export function looksLikeToken(s: string): boolean {
  if (s.length < 8) return false;
  if (/[0-9+/=_]/.test(s) && /[A-Za-z]/.test(s)) return true;
  return s.length >= 20 && /[a-z]/.test(s) && /[A-Z]/.test(s);
}

/** A CamelCase or camelCase name, letters only ("WindowsAuthenticationModule", "useAppPoolCredentials"): not base64. */
const IDENTIFIER = /^(?:[A-Z][a-z]+){2,}$|^[a-z]+(?:[A-Z][a-z]+)+$/;

/** Basic's value is base64 of "user:password": short ones ("dXNlcjpwYXNz") look like nothing else. */
function isBasicCredentials(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(decoded);
}

/** Pairs "prefix + value": keeps the prefix, redacts the value unless it is already redacted. */
function prefixed(match: string, g: (string | undefined)[]): string {
  const [prefix, value] = [g[0] ?? '', g[1] ?? ''];
  if (isDone(value)) return match;
  return prefix + quoted(value) + match.slice(prefix.length + value.length);
}

// Horizontal white space is [^\S\r\n], not [ \t]: text pasted from Teams, Outlook or a web page carries no-break
// and other Unicode spaces, and a secret after one must not slip through.
// Header values end at a line break, an XML-escaped line break (FREB Headers data), a tag or a closing quote.
const HEADER_VALUE = String.raw`((?:(?!&#1[03];|&#x[dDaA];)[^\r\n<"])*)`;
const ATTR_VALUE = String.raw`("[^"]*"|'[^']*')`;
const SECRET_SETTING = 'password|passwd|pwd|secret|token|apikey|api[-_.]?key|credential|connectionstring|sas|signature|accountkey';

export const RULES: RedactionRule[] = [
  {
    kind: 'private key',
    mayMatch: (t) => /-----BEGIN /.test(t),
    re: /(-----BEGIN [A-Z ]*PRIVATE KEY-----)([\s\S]*?)(-----END [A-Z ]*PRIVATE KEY-----)/g,
    replace: (m, g) => (isDone(g[1]) ? m : `${g[0]}${REDACTED}${g[2]}`),
  },
  {
    // Keep the scheme word so the diagnosis still sees "Negotiate" vs "NTLM".
    kind: 'authorization header',
    mayMatch: (t) => t.includes(':') && /authorization[^\S\r\n]*:/i.test(t),
    re: new RegExp(String.raw`\b((?:Proxy-)?Authorization[^\S\r\n]*:[^\S\r\n]*)` + HEADER_VALUE, 'gi'),
    replace: (m, g) => {
      const [prefix, value] = [g[0] ?? '', g[1] ?? ''];
      const v = /^([A-Za-z][\w-]*)(\s+)(\S+)([\s\S]*)$/.exec(value);
      if (v) return isDone(v[3]) ? m : `${prefix}${v[1]}${v[2]}${REDACTED}${v[4]}`;
      const single = /^(\S+)([\s\S]*)$/.exec(value);
      if (single && looksLikeToken(single[1]) && !isDone(single[1])) return `${prefix}${REDACTED}${single[2]}`;
      return m;
    },
  },
  {
    kind: 'cookie',
    mayMatch: (t) => t.includes(':') && /cookie[^\S\r\n]*:/i.test(t),
    re: new RegExp(String.raw`\b((?:Set-)?Cookie[^\S\r\n]*:[^\S\r\n]*)` + HEADER_VALUE, 'gi'),
    replace: (m, g) => (isDone(g[1]) ? m : `${g[0]}${REDACTED}`),
  },
  {
    kind: 'api key header',
    mayMatch: (t) => t.includes(':') && /(?:x-api-key|ocp-apim-subscription-key|x-auth-token|x-functions-key)[^\S\r\n]*:/i.test(t),
    re: new RegExp(String.raw`\b((?:X-Api-Key|Ocp-Apim-Subscription-Key|X-Auth-Token|X-Functions-Key)[^\S\r\n]*:[^\S\r\n]*)` + HEADER_VALUE, 'gi'),
    replace: (m, g) => (isDone(g[1]) ? m : `${g[0]}${REDACTED}`),
  },
  {
    // Negotiate, NTLM and Kerberos tokens are long base64 (an NTLM negotiate message alone is 40 characters); a code or
    // a name after the word in a sentence ("NTLM 0xC000006D", "Negotiate WindowsIdentity.GetCurrent()") is not one.
    kind: 'auth token',
    mayMatch: (t) => /negotiate|ntlm|kerberos/i.test(t),
    re: /\b((?:Negotiate|NTLM|Kerberos)[^\S\r\n]+)([A-Za-z0-9+/_-]{24,}={0,2})/gi,
    replace: (m, g) => (IDENTIFIER.test(g[1] ?? '') ? m : `${g[0]}${REDACTED}`),
  },
  {
    // Basic is base64 of "user:password", short ones included ("dXNlcjpwYXNz"), whatever follows it.
    kind: 'auth token',
    mayMatch: (t) => /basic/i.test(t),
    re: /\b(Basic[^\S\r\n]+)([A-Za-z0-9+/_-]{4,}={0,2})/gi,
    replace: (m, g) => {
      const value = g[1] ?? '';
      const secret = isBasicCredentials(value) || (value.length >= 16 && looksLikeToken(value) && !IDENTIFIER.test(value));
      return secret ? `${g[0]}${REDACTED}` : m;
    },
  },
  {
    kind: 'auth token',
    mayMatch: (t) => /bearer/i.test(t),
    re: /\b(Bearer[^\S\r\n]+)([A-Za-z0-9+/_\-.~]{8,}={0,2})/gi,
    replace: (m, g) => (looksLikeToken(g[1] ?? '') ? `${g[0]}${REDACTED}` : m),
  },
  {
    // SPNEGO (YII.../YIG...), SPNEGO responses (oYG...) and NTLMSSP (TlRMTVNTUA...) blobs anywhere.
    kind: 'auth blob',
    mayMatch: (t) => /YI[IG]|oY[GI]|TlRMTVNTUA/.test(t),
    re: /\b(?:YII|YIG|oY[GI]|TlRMTVNTUA)[A-Za-z0-9+/]{12,}={0,2}/g,
    replace: () => REDACTED,
  },
  {
    kind: 'jwt',
    mayMatch: (t) => t.includes('.') && /eyJ/.test(t),
    re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
    replace: () => REDACTED,
  },
  {
    kind: 'url credentials',
    mayMatch: (t) => t.includes('@') && t.includes('://'),
    re: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"'<>]+:)([^\s@/"'<>]+)(?=@)/gi,
    replace: prefixed,
  },
  {
    kind: 'machine key',
    mayMatch: (t) => t.includes('=') && /validationkey|decryptionkey/i.test(t),
    re: new RegExp(String.raw`(\b(?:validationKey|decryptionKey)\s*=\s*)` + ATTR_VALUE, 'gi'),
    replace: (m, g) => (/^["']AutoGenerate/i.test(g[1] ?? '') ? m : prefixed(m, g)),
  },
  {
    kind: 'password attribute',
    mayMatch: (t) => t.includes('=') && /password|passwd|pwd|clientsecret|apikey|accountkey|sharedkey/i.test(t),
    re: new RegExp(String.raw`(\b[\w:.-]{0,40}?(?:password|passwd|pwd|clientSecret|apiKey|accountKey|sharedKey)\s*=\s*)` + ATTR_VALUE, 'gi'),
    replace: prefixed,
  },
  {
    // The same attribute inside escaped markup: an error page in a FREB trace's response buffer, or a YSOD quoted in
    // XML, writes password=&quot;x&quot; (or &amp;quot;, escaped twice). The value runs to the next escaped quote.
    kind: 'password attribute',
    mayMatch: (t) => t.includes('&') && /password|passwd|pwd|clientsecret|apikey|accountkey|sharedkey/i.test(t),
    re: new RegExp(
      String.raw`(\b[\w:.-]{0,40}?(?:password|passwd|pwd|clientSecret|apiKey|accountKey|sharedKey)\s*=\s*(&(?:amp;)*(?:quot|apos|#34|#39|#x22|#x27);))((?:(?!&(?:amp;)*(?:quot|apos|#34|#39|#x22|#x27);)[^<>\r\n]){1,512})(?=&(?:amp;)*(?:quot|apos|#34|#39|#x22|#x27);)`,
      'gi',
    ),
    replace: (m, g) => (isDone(g[2] ?? '') ? m : (g[0] ?? '') + REDACTED),
  },
  {
    // <add key="SmtpPassword" value="..."/> in appSettings.
    kind: 'secret setting',
    mayMatch: (t) => t.includes('=') && /value/i.test(t) && /key/i.test(t),
    re: new RegExp(String.raw`(\bkey\s*=\s*["'][^"']*(?:${SECRET_SETTING})[^"']*["']\s+value\s*=\s*)` + ATTR_VALUE, 'gi'),
    replace: prefixed,
  },
  {
    kind: 'password element',
    mayMatch: (t) => t.includes('<') && /<(?:password|passwd|pwd|secret|clientsecret|apikey)/i.test(t),
    re: /(<(password|passwd|pwd|secret|clientSecret|apiKey)\b[^>]*>)([^<]+)(?=<\/\2>)/gi,
    replace: (m, g) => (isDone(g[2]) ? m : `${g[0]}${REDACTED}`),
  },
  {
    kind: 'url token',
    mayMatch: (t) => t.includes('=') && (t.includes('?') || t.includes('&')),
    re: /([?&](?:access_token|id_token|refresh_token|token|code|sig|signature|key|apikey|api_key|api-key|subscription-key|client_secret|secret|password|passwd|pwd|auth|session|sessionid|ticket|assertion|SAMLResponse|SAMLRequest)=)([^&\s"'<>#]+)/gi,
    replace: prefixed,
  },
  {
    // Unambiguous token names are secrets even outside a URL (W3C cs-uri-query, storage connection strings).
    kind: 'url token',
    mayMatch: (t) =>
      t.includes('=') &&
      /(?:access_token|id_token|refresh_token|client_secret|sig|apikey|api_key|subscription-key|sharedaccesssignature|accountkey|sharedaccesskey)=/i.test(t),
    re: /((?:^|[\s;"'(,])(?:access_token|id_token|refresh_token|client_secret|sig|apikey|api_key|subscription-key|SharedAccessSignature|AccountKey|SharedAccessKey)=)([^&\s;"'<>#]+)/gi,
    replace: prefixed,
  },
  {
    kind: 'command-line password',
    mayMatch: (t) => /convertto-securestring/i.test(t),
    re: /(ConvertTo-SecureString\s+(?:-String\s+)?)("[^"]*"|'[^']*'|[^\s|)]+)/gi,
    replace: (m, g) => (/^-/.test(g[1] ?? '') ? m : prefixed(m, g)),
  },
  {
    kind: 'command-line password',
    mayMatch: (t) => /pass|pwd/i.test(t),
    re: /((?:^|\s)[-/][\w.]*(?:password|passwd|pwd|pass)(?::|=|[^\S\r\n]+))("[^"]*"|'[^']*'|[^\s"']+)/gi,
    replace: (m, g) => (/^[-/]\w/.test(g[1] ?? '') ? m : prefixed(m, g)),
  },
  {
    // sqlcmd/osql: -U user -P password (case matters: -p is a port elsewhere).
    kind: 'command-line password',
    mayMatch: (t) => t.includes('-') && /-P[^\S\r\n]/.test(t),
    re: /((?:^|\s)-P[^\S\r\n]+)("[^"]*"|'[^']*'|\S+)/g,
    replace: prefixed,
  },
  {
    // net use \\server\share <password> /user:... and net user <name> <password>.
    kind: 'command-line password',
    mayMatch: (t) => /\bnet\s+use/i.test(t),
    re: /(\bnet\s+(?:use\s+(?:[A-Za-z*]:\s+)?\\\\\S+|user\s+(?!\/)\S+)[^\S\r\n]+)([^\s/*][^\s]*)/gi,
    replace: prefixed,
  },
  {
    // Connection strings, command lines, JSON, PowerShell lists and prose: "Password=x;", "pwd: x", "\"password\": \"x\"".
    // A value runs to the next ';' on its line (connection strings), else to the first space: matching no further
    // lets the next "password=" of the same line be a match of its own.
    kind: 'password',
    mayMatch: (t) => (t.includes(':') || t.includes('=')) && /pass|pwd|kennwort/i.test(t),
    re: /(\b(?:password|passwd|pwd|passphrase|kennwort)["']?[^\S\r\n]*[:=][^\S\r\n]*)("[^"]*"|'[^']*'|[^;\r\n"'<>&]*(?=;)|[^\s;"'<>&]*)(;?)/gi,
    replace: (m, g) => {
      const [prefix, raw, semi] = [g[0] ?? '', g[1] ?? '', g[2] ?? ''];
      if (raw.startsWith('"') || raw.startsWith("'")) return isDone(raw) ? m : prefix + quoted(raw) + semi;
      // Inside a connection string the value runs to ';'; elsewhere it ends at the first space.
      const value = semi ? raw.trim() : raw.trimStart().split(/\s/)[0];
      if (isDone(value)) return m;
      const lead = raw.slice(0, raw.length - raw.trimStart().length);
      return prefix + lead + REDACTED + raw.slice(lead.length + value.length) + semi;
    },
  },
];

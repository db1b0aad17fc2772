// Phrases in pasted errors that name the problem better than any code: exception types, the SQL login that
// failed, and well-known ASP.NET messages. Each cue yields one fact per distinct value.

export interface Cue {
  key: string;
  /** Global regex; group 1 (or the whole match when there is no group) is the value. */
  re: RegExp;
  /** Fixed value for phrase cues (the phrase id). */
  value?: string;
}

export const CUES: Cue[] = [
  // Dotted framework names first; bare "SqlException" only when not part of a dotted name.
  { key: 'text.exception', re: /\b((?:System|Microsoft|Oracle|MySql|Npgsql)(?:\.[A-Za-z_]\w*)*\.\w*(?:Exception|Error))\b/g },
  { key: 'text.exception', re: /(?<![.\w])([A-Z]\w*Exception)\b/g },
  { key: 'text.sql-login-failed-user', re: /Login failed for user '([^']{0,200})'/gi },
  {
    key: 'text.phrase',
    re: /Could not create Windows user token from the credentials specified in the config file/gi,
    value: 'identity-token-from-config-failed',
  },
  { key: 'text.phrase', re: /An ASP\.NET setting has been detected that does not apply in Integrated managed pipeline mode/gi, value: 'integrated-mode-setting' },
  { key: 'text.phrase', re: /Either a required impersonation level was not provided, or the provided impersonation level is invalid/gi, value: 'bad-impersonation-level' },
  { key: 'text.phrase', re: /The trust relationship between (?:this|the primary domain and the) workstation/gi, value: 'trust-relationship-failed' },
  { key: 'text.phrase', re: /The target principal name is incorrect/gi, value: 'wrong-target-principal' },
  { key: 'text.phrase', re: /Cannot generate SSPI context/gi, value: 'cannot-generate-sspi-context' },
  { key: 'text.phrase', re: /A required privilege is not held by the client/gi, value: 'privilege-not-held' },
  { key: 'text.phrase', re: /Access to the path '[^']*' is denied/gi, value: 'path-access-denied' },
  { key: 'text.phrase', re: /Retrieving the COM class factory for component[^\r\n]{0,200}?failed/gi, value: 'com-class-factory-failed' },
];

/** Names that look like exceptions but are not types a signature cares about. */
export const IGNORED_EXCEPTIONS = new Set(['Exception', 'InnerException', 'BaseException']);

// HTTP statuses written out in prose: "HTTP Error 500.19", "401.2 - Unauthorized", "(500) Internal Server Error".
export const STATUS_PATTERNS: RegExp[] = [
  /\bHTTP(?:\s+Error|\/\d\.\d)?\s+([1-5]\d\d)(?:\.(\d{1,3}))?\b/gi,
  /\b([1-5]\d\d)\.(\d{1,3})\s+-\s+[A-Z]/g,
  /\(([45]\d\d)\)\s+(?:Unauthorized|Forbidden|Internal Server Error|Service Unavailable|Bad Request|Not Found)/gi,
  /\bstatus(?:\s+code)?\s*[:=]?\s*([1-5]\d\d)(?:\.(\d{1,3}))?\b/gi,
];

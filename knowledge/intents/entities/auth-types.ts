// Authentication types. Common English words ("basic", "digest", "forms", "anonymous") count only next to
// "auth"/"authentication"/"access" or in an Authorization header, so "a basic question" is not Basic auth.
import type { Candidate } from './scan.js';
import { scan } from './scan.js';

const AUTH = '(?:auth(?:entication)?|access|logon)';
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:kerberos|kerb|krb5)\b/gi, 'Kerberos'],
  [/\bntlm(?:v2|v1)?\b/gi, 'NTLM'],
  [/\bnegotiate(?::kerberos)?\b/gi, 'Negotiate'],
  [new RegExp(`\\bbasic\\s${AUTH}\\b|\\bbasicAuthentication\\b|(?<=\\bAuthorization:\\s?)Basic\\b`, 'gi'), 'Basic'],
  [new RegExp(`\\bdigest\\s${AUTH}\\b|\\bdigestAuthentication\\b`, 'gi'), 'Digest'],
  [new RegExp(`\\bforms?\\s${AUTH}\\b|\\bFormsAuthentication\\b`, 'gi'), 'Forms'],
  [new RegExp(`\\banonymous\\s${AUTH}\\b|\\banonymousAuthentication\\b`, 'gi'), 'Anonymous'],
  [/\b(?:integrated\s)?windows\s(?:auth(?:entication)?|integrated\sauth(?:entication)?)\b|\bwindowsAuthentication\b|\bIWA\b/gi, 'Windows'],
];

export function authTypeCandidates(text: string): Candidate[] {
  return PATTERNS.flatMap(([pattern, canonical]) => scan(text, pattern, 'auth_type', 2, () => canonical));
}

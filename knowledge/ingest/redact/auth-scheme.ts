// Names the scheme of an Authorization value without keeping the token: "Negotiate YII..." is a SPNEGO/Kerberos
// token, "TlRMTVNTUA..." (base64 of "NTLMSSP") is NTLM, whether bare or wrapped in Negotiate.

export type AuthorizationScheme = 'Negotiate-Kerberos' | 'Negotiate-NTLM' | 'NTLM' | 'Basic' | 'Bearer' | 'Digest' | 'none' | string;

const NTLM_PREFIX = 'TlRMTVNTUA';

/** True when a SPNEGO token (base64) carries an NTLMSSP message rather than a Kerberos ticket. */
function spnegoIsNtlm(token: string): boolean {
  if (token.startsWith(NTLM_PREFIX)) return true;
  // A SPNEGO init token lists mechanisms; an NTLM-only one embeds "NTLMSSP\0" and no Kerberos ticket.
  const head = Buffer.from(token.slice(0, 400), 'base64');
  return head.includes('NTLMSSP\0') && !head.includes(Buffer.from('2a864886f712010202', 'hex'));
}

/** The scheme an Authorization header value used; never returns any part of the token. */
export function authorizationScheme(value: string | undefined): AuthorizationScheme {
  const v = (value ?? '').trim();
  if (!v) return 'none';
  const m = /^([A-Za-z][\w-]*)(?:\s+(\S+))?/.exec(v);
  if (!m) return 'unknown';
  const scheme = m[1].toLowerCase();
  const token = m[2] ?? '';
  if (scheme === 'negotiate') return spnegoIsNtlm(token) ? 'Negotiate-NTLM' : 'Negotiate-Kerberos';
  if (scheme === 'ntlm') return 'NTLM';
  if (scheme === 'kerberos') return 'Negotiate-Kerberos';
  if (scheme === 'basic') return 'Basic';
  if (scheme === 'bearer') return 'Bearer';
  if (scheme === 'digest') return 'Digest';
  return m[1];
}

/** The schemes a WWW-Authenticate value offers ("Negotiate, NTLM" or "Negotiate oYG..." -> ["Negotiate"]). */
export function offeredSchemes(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(/,|\r?\n/)) {
    const m = /^\s*([A-Za-z][\w-]*)/.exec(part);
    // Skip auth-params such as realm="x" that follow a comma in Basic/Digest challenges.
    if (m && !/^\s*[\w-]+\s*=/.test(part)) out.push(m[1]);
  }
  return out;
}

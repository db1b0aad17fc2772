// Event Viewer shows "%%1833" as "Impersonation": these parameter messages come from msobjs.dll and wevtutil
// exports leave them unresolved. Only the ones this domain reads are listed; unknown inserts stay as written.

const PARAMETER_MESSAGES: Record<string, string> = {
  '%%1832': 'Identification',
  '%%1833': 'Impersonation',
  '%%1840': 'Delegation',
  '%%1841': 'Denied by Process Trust Label ACE',
  '%%1842': 'Yes',
  '%%1843': 'No',
  '%%2304': 'An Error occured during Logon.',
  '%%2305': 'The specified user account has expired.',
  '%%2306': 'The NetLogon component is not active.',
  '%%2307': 'Account locked out.',
  '%%2308': 'The user has not been granted the requested logon type at this machine.',
  '%%2309': "The specified account's password has expired.",
  '%%2310': 'Account currently disabled.',
  '%%2311': 'Account logon time restriction violation.',
  '%%2312': 'User not allowed to logon at this computer.',
  '%%2313': 'Unknown user name or bad password.',
};

/** Replaces known %%NNNN parameter inserts with their text. */
export function resolveInserts(value: string): string {
  if (!value.includes('%%')) return value;
  return value.replace(/%%\d{3,5}/g, (m) => PARAMETER_MESSAGES[m] ?? m);
}

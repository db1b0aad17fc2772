// Privilege and logon-right names, as constants (SeImpersonatePrivilege) or as secpol.msc shows them
// ("Impersonate a client after authentication"). Canonical form is always the constant name.
import type { Candidate } from './scan.js';
import { scan } from './scan.js';

const CONSTANT = /\bSe[A-Z][A-Za-z]{2,60}(?:Privilege|Right)\b/g;

// Display name -> constant (User Rights Assignment). "log on" is also written "logon".
const DISPLAY: ReadonlyArray<readonly [string, string]> = [
  ['Impersonate a client after authentication', 'SeImpersonatePrivilege'],
  ['Act as part of the operating system', 'SeTcbPrivilege'],
  ['Create global objects', 'SeCreateGlobalPrivilege'],
  ['Replace a process level token', 'SeAssignPrimaryTokenPrivilege'],
  ['Adjust memory quotas for a process', 'SeIncreaseQuotaPrivilege'],
  ['Generate security audits', 'SeAuditPrivilege'],
  ['Enable computer and user accounts to be trusted for delegation', 'SeEnableDelegationPrivilege'],
  ['Debug programs', 'SeDebugPrivilege'],
  ['Bypass traverse checking', 'SeChangeNotifyPrivilege'],
  ['Back up files and directories', 'SeBackupPrivilege'],
  ['Restore files and directories', 'SeRestorePrivilege'],
  ['Take ownership of files or other objects', 'SeTakeOwnershipPrivilege'],
  ['Deny log on as a batch job', 'SeDenyBatchLogonRight'],
  ['Deny log on as a service', 'SeDenyServiceLogonRight'],
  ['Deny log on locally', 'SeDenyInteractiveLogonRight'],
  ['Deny access to this computer from the network', 'SeDenyNetworkLogonRight'],
  ['Log on as a batch job', 'SeBatchLogonRight'],
  ['Log on as a service', 'SeServiceLogonRight'],
  ['Allow log on locally', 'SeInteractiveLogonRight'],
  ['Access this computer from the network', 'SeNetworkLogonRight'],
];

function phrasePattern(phrase: string): RegExp {
  const words = phrase
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s{1,3}')
    .replace(/log\\s\{1,3\}on/gi, 'log\\s{0,3}on');
  return new RegExp(`\\b${words}\\b`, 'gi');
}

const DISPLAY_PATTERNS = DISPLAY.map(([phrase, constant]) => [phrasePattern(phrase), constant] as const);

export function privilegeCandidates(text: string): Candidate[] {
  return [
    ...scan(text, CONSTANT, 'privilege', 1),
    ...DISPLAY_PATTERNS.flatMap(([pattern, constant]) => scan(text, pattern, 'privilege', 1, () => constant)),
  ];
}

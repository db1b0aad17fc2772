// Windows event ids in the impersonation / delegation / Windows-authentication family. Titles and messages:
// Microsoft documentation (Security auditing events 46xx/47xx, learn.microsoft.com/previous-versions/windows/it-pro/
// windows-10/security/threat-protection/auditing, MicrosoftDocs/windows-itpro-docs, CC-BY-4.0; WAS events, cc735211
// and cc735151; Security-Kerberos manifest; ASP.NET aspnet_rc.dll message table). Two texts are paraphrased from
// memory and say so in their message: WAS 5059 and LsaSrv 40960/40961.
import type { EventRow } from './rows.js';

const SEC = 'Microsoft-Windows-Security-Auditing';
const WAS = 'Microsoft-Windows-WAS';

export const EVENT_IDS: readonly EventRow[] = [
  { id: 4624, channel: 'Security', source: SEC, name: 'Logon success', message: 'An account was successfully logged on.' },
  { id: 4625, channel: 'Security', source: SEC, name: 'Logon failure', message: 'An account failed to log on.' },
  { id: 4648, channel: 'Security', source: SEC, name: 'Explicit credentials', message: 'A logon was attempted using explicit credentials.' },
  { id: 4672, channel: 'Security', source: SEC, name: 'Special privileges', message: 'Special privileges assigned to new logon.' },
  { id: 4704, channel: 'Security', source: SEC, name: 'User right assigned', message: 'A user right was assigned.' },
  { id: 4705, channel: 'Security', source: SEC, name: 'User right removed', message: 'A user right was removed.' },
  { id: 4768, channel: 'Security', source: SEC, name: 'Kerberos TGT request', message: 'A Kerberos authentication ticket (TGT) was requested.' },
  { id: 4769, channel: 'Security', source: SEC, name: 'Kerberos service ticket request', message: 'A Kerberos service ticket was requested.' },
  { id: 4771, channel: 'Security', source: SEC, name: 'Kerberos pre-authentication failed', message: 'Kerberos pre-authentication failed.' },
  { id: 4776, channel: 'Security', source: SEC, name: 'NTLM credential validation', message: 'The computer attempted to validate the credentials for an account.' },
  { id: 3, channel: 'System', source: 'Microsoft-Windows-Security-Kerberos', name: 'Kerberos error', message: 'A Kerberos error message was received (requires Kerberos logging); Error Code and Target Name identify the failure and the SPN.' },
  { id: 4, channel: 'System', source: 'Microsoft-Windows-Security-Kerberos', name: 'KRB_AP_ERR_MODIFIED', message: 'The Kerberos client received a KRB_AP_ERR_MODIFIED error from the server. The target server failed to decrypt the ticket provided by the client: the SPN may be registered on an account other than the one the service runs as.' },
  { id: 5002, channel: 'System', source: WAS, name: 'Rapid-fail protection', message: "Application pool '%1' is being automatically disabled due to a series of failures in the process(es) serving that application pool." },
  { id: 5009, channel: 'System', source: WAS, name: 'Worker process terminated', message: "A process serving application pool '%1' terminated unexpectedly." },
  { id: 5011, channel: 'System', source: WAS, name: 'Worker process communication failure', message: "A process serving application pool '%1' suffered a fatal communication error with the Windows Process Activation Service." },
  { id: 5021, channel: 'System', source: WAS, name: 'Application pool identity invalid', message: 'The identity of application pool %1 is invalid. The user name or password that is specified for the identity may be incorrect, or the user may not have batch logon rights.' },
  { id: 5057, channel: 'System', source: WAS, name: 'Application pool disabled (identity invalid)', message: 'Application pool %1 has been disabled. Windows Process Activation Service (WAS) did not create a worker process to serve the application pool because the application pool identity is invalid.' },
  { id: 5059, channel: 'System', source: WAS, name: 'Application pool disabled (worker start failure)', message: 'Application pool %1 has been disabled: WAS failed to start a worker process to serve it (paraphrased; verify the exact text).' },
  { id: 1309, channel: 'Application', source: 'ASP.NET 4.0.30319.0', name: 'ASP.NET unhandled exception (event code 3005)', message: 'Event code: 3005. Event message: An unhandled exception has occurred.' },
  { id: 1310, channel: 'Application', source: 'ASP.NET 4.0.30319.0', name: 'ASP.NET configuration error (event code 3008)', message: 'Event code: 3008. Event message: A configuration error has occurred.' },
  { id: 18456, channel: 'Application', source: 'MSSQLSERVER', name: 'SQL Server login failed', message: "Login failed for user '%1'." },
  { id: 40960, channel: 'System', source: 'LsaSrv', name: 'SPNEGO authentication error', message: 'The Security System detected an authentication error for the server %1 (paraphrased; verify the exact text).' },
  { id: 40961, channel: 'System', source: 'LsaSrv', name: 'SPNEGO secure connection failure', message: 'The Security System could not establish a secured connection with the server %1 (paraphrased; verify the exact text).' },
];

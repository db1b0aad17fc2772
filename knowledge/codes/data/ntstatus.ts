// NTSTATUS values (ntstatus.h) seen in Security events 4625/4776 Status/SubStatus and in LSA/SSPI failures.
// Names and messages: Microsoft Windows SDK ntstatus.h MessageText and [MS-ERREF] 2.3.1 (learn.microsoft.com/
// openspecs/windows_protocols/ms-erref), messages CC-BY-4.0. The `win32` column is what LsaNtStatusToWinError
// (RtlNtStatusToDosError) returns, per Microsoft's NT-status-to-Win32 mapping (KB 113996) as we know it.
// Deliberate, documented choices:
// - STATUS_WRONG_PASSWORD maps to ERROR_INVALID_PASSWORD (86), not 1326: LogonUser still reports 1326 because LSA
//   returns STATUS_LOGON_FAILURE as the Status and keeps 0xC000006A only as the 4625 SubStatus.
// - STATUS_NO_SUCH_USER maps to ERROR_NO_SUCH_USER (1317) for the same reason: users see 1326 with SubStatus 0xC0000064.
import type { NtStatusRow } from './rows.js';

const NTSTATUS_DOCS = 'ntstatus.h MessageText; learn.microsoft.com/openspecs/windows_protocols/ms-erref (2.3.1)';

export const NTSTATUS_CODES: readonly NtStatusRow[] = [
  { code: 0xC0000005, name: 'STATUS_ACCESS_VIOLATION', message: "The instruction at 0x%p referenced memory at 0x%p. The memory could not be %s.", win32: 998, source: NTSTATUS_DOCS },
{ code: 0xC0000022, name: 'STATUS_ACCESS_DENIED', message: "{Access Denied} A process has requested access to an object, but has not been granted those access rights.", win32: 5, source: NTSTATUS_DOCS },
  { code: 0xC000005E, name: 'STATUS_NO_LOGON_SERVERS', message: "We can't sign you in with this credential because your domain isn't available. Make sure your device is connected to your organization's network and try again. If you previously signed in on this device with another credential, you can sign in with that credential.", win32: 1311, source: NTSTATUS_DOCS },
  { code: 0xC000005F, name: 'STATUS_NO_SUCH_LOGON_SESSION', message: "A specified logon session does not exist. It may already have been terminated.", win32: 1312, source: NTSTATUS_DOCS },
  { code: 0xC0000061, name: 'STATUS_PRIVILEGE_NOT_HELD', message: "A required privilege is not held by the client.", win32: 1314, source: NTSTATUS_DOCS },
  { code: 0xC0000064, name: 'STATUS_NO_SUCH_USER', message: "The specified account does not exist.", win32: 1317, source: NTSTATUS_DOCS },
  { code: 0xC000006A, name: 'STATUS_WRONG_PASSWORD', message: "When trying to update a password, this return status indicates that the value provided as the current password is not correct.", win32: 86, source: NTSTATUS_DOCS },
  { code: 0xC000006D, name: 'STATUS_LOGON_FAILURE', message: "The attempted logon is invalid. This is either due to a bad username or authentication information.", win32: 1326, source: NTSTATUS_DOCS },
  { code: 0xC000006E, name: 'STATUS_ACCOUNT_RESTRICTION', message: "Indicates a referenced user name and authentication information are valid, but some user account restriction has prevented successful authentication (such as time-of-day restrictions).", win32: 1327, source: NTSTATUS_DOCS },
  { code: 0xC000006F, name: 'STATUS_INVALID_LOGON_HOURS', message: "The user account has time restrictions and may not be logged onto at this time.", win32: 1328, source: NTSTATUS_DOCS },
  { code: 0xC0000070, name: 'STATUS_INVALID_WORKSTATION', message: "The user account is restricted such that it may not be used to log on from the source workstation.", win32: 1329, source: NTSTATUS_DOCS },
  { code: 0xC0000071, name: 'STATUS_PASSWORD_EXPIRED', message: "The user account's password has expired.", win32: 1330, source: NTSTATUS_DOCS },
  { code: 0xC0000072, name: 'STATUS_ACCOUNT_DISABLED', message: "The referenced account is currently disabled and may not be logged on to.", win32: 1331, source: NTSTATUS_DOCS },
  { code: 0xC000007C, name: 'STATUS_NO_TOKEN', message: "An attempt was made to reference a token that doesn't exist. This is typically done by referencing the token associated with a thread when the thread is not impersonating a client.", win32: 1008, source: NTSTATUS_DOCS },
  { code: 0xC000007F, name: 'STATUS_DISK_FULL', message: "An operation failed because the disk was full.", win32: 112, source: NTSTATUS_DOCS },
  { code: 0xC00000A5, name: 'STATUS_BAD_IMPERSONATION_LEVEL', message: "A specified impersonation level is invalid. Also used to indicate a required impersonation level was not provided.", win32: 1346, source: NTSTATUS_DOCS },
  { code: 0xC00000A6, name: 'STATUS_CANT_OPEN_ANONYMOUS', message: "An attempt was made to open an Anonymous level token. Anonymous tokens may not be opened.", win32: 1347, source: NTSTATUS_DOCS },
  { code: 0xC00000DF, name: 'STATUS_NO_SUCH_DOMAIN', message: "The specified Domain did not exist.", win32: 1355, source: NTSTATUS_DOCS },
  { code: 0xC00000FD, name: 'STATUS_STACK_OVERFLOW', message: "A new guard page for the stack cannot be created.", win32: 1001, source: NTSTATUS_DOCS },
  { code: 0xC0000133, name: 'STATUS_TIME_DIFFERENCE_AT_DC', message: "The time at the Primary Domain Controller is different than the time at the Backup Domain Controller or member server by too large an amount.", win32: 1398, source: NTSTATUS_DOCS },
  { code: 0xC000015B, name: 'STATUS_LOGON_TYPE_NOT_GRANTED', message: "A user has requested a type of logon (e.g., interactive or network) that has not been granted. An administrator has control over who may logon interactively and through the network.", win32: 1385, source: NTSTATUS_DOCS },
  { code: 0xC000018C, name: 'STATUS_TRUSTED_DOMAIN_FAILURE', message: "The logon request failed because the trust relationship between the primary domain and the trusted domain failed.", win32: 1788, source: NTSTATUS_DOCS },
  { code: 0xC000018D, name: 'STATUS_TRUSTED_RELATIONSHIP_FAILURE', message: "The logon request failed because the trust relationship between this workstation and the primary domain failed.", win32: 1789, source: NTSTATUS_DOCS },
  { code: 0xC0000192, name: 'STATUS_NETLOGON_NOT_STARTED', message: "An attempt was made to logon, but the netlogon service was not started.", win32: 1792, source: NTSTATUS_DOCS },
  { code: 0xC0000193, name: 'STATUS_ACCOUNT_EXPIRED', message: "The user's account has expired.", win32: 1793, source: NTSTATUS_DOCS },
  { code: 0xC0000224, name: 'STATUS_PASSWORD_MUST_CHANGE', message: "The user's password must be changed before signing in.", win32: 1907, source: NTSTATUS_DOCS },
  { code: 0xC0000234, name: 'STATUS_ACCOUNT_LOCKED_OUT', message: "The user account has been automatically locked because too many invalid logon attempts or password change attempts have been requested.", win32: 1909, source: NTSTATUS_DOCS },
  { code: 0xC0000374, name: 'STATUS_HEAP_CORRUPTION', message: "A heap has been corrupted.", source: NTSTATUS_DOCS },
  { code: 0xC0000388, name: 'STATUS_DOWNGRADE_DETECTED', message: "The system cannot contact a domain controller to service the authentication request. Please try again later.", win32: 1265, source: NTSTATUS_DOCS },
  { code: 0xC0000413, name: 'STATUS_AUTHENTICATION_FIREWALL_FAILED', message: "Logon Failure: The machine you are logging onto is protected by an authentication firewall. The specified account is not allowed to authenticate to the machine.", win32: 1935, source: NTSTATUS_DOCS },
  { code: 0xC0000073, name: 'STATUS_NONE_MAPPED', message: 'None of the information to be translated has been translated.', win32: 1332, source: NTSTATUS_DOCS },
  { code: 0xC00000A8, name: 'STATUS_BAD_TOKEN_TYPE', message: 'The type of a token object is inappropriate for its attempted use.', win32: 1349, source: NTSTATUS_DOCS },
  { code: 0xC0000155, name: 'STATUS_LOGON_NOT_GRANTED', message: 'A requested type of logon (for example, interactive, network, and service) is not granted by the local security policy of the target system. Ask the system administrator to grant the necessary form of logon.', win32: 1380, source: NTSTATUS_DOCS },
  { code: 0xC0000380, name: 'STATUS_WRONG_CREDENTIAL_HANDLE', message: 'The supplied credential handle does not match the credential that is associated with the security context.', source: NTSTATUS_DOCS },
];

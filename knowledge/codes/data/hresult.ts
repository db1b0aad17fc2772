// HRESULTs that are not HRESULT_FROM_WIN32 wrappers: SSPI (FACILITY_SECURITY, 0x8009xxxx SEC_E_* / SEC_I_*), CryptoAPI
// (NTE_*) and COM/RPC (CO_E_*, RPC_E_*). Names and messages: Microsoft documentation, "COM Error Codes"
// (learn.microsoft.com/windows/win32/com/com-error-codes-1 .. -4, MicrosoftDocs/win32), messages CC-BY-4.0.
// E_ACCESSDENIED (0x80070005) is HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED): it lives in aliases.ts, not here.
import type { HresultRow } from './rows.js';

const COM_DOCS_1 = 'learn.microsoft.com/windows/win32/com/com-error-codes-1';
const COM_DOCS_3 = 'learn.microsoft.com/windows/win32/com/com-error-codes-3';
const COM_DOCS_4 = 'learn.microsoft.com/windows/win32/com/com-error-codes-4';

export const HRESULT_CODES: readonly HresultRow[] = [
  { code: 0x80090305, name: 'SEC_E_SECPKG_NOT_FOUND', message: "The requested security package does not exist", source: COM_DOCS_4 },
  { code: 0x00090312, name: 'SEC_I_CONTINUE_NEEDED', message: "The function completed successfully, but must be called again to complete the context", source: COM_DOCS_4 },
  { code: 0x80090301, name: 'SEC_E_INVALID_HANDLE', message: "The handle specified is invalid", source: COM_DOCS_4 },
  { code: 0x80090302, name: 'SEC_E_UNSUPPORTED_FUNCTION', message: "The function requested is not supported", source: COM_DOCS_4 },
  { code: 0x80090303, name: 'SEC_E_TARGET_UNKNOWN', message: "The specified target is unknown or unreachable", source: COM_DOCS_4 },
  { code: 0x80090304, name: 'SEC_E_INTERNAL_ERROR', message: "The Local Security Authority cannot be contacted", source: COM_DOCS_4 },
  { code: 0x80090308, name: 'SEC_E_INVALID_TOKEN', message: "The token supplied to the function is invalid", source: COM_DOCS_4 },
  { code: 0x8009030B, name: 'SEC_E_NO_IMPERSONATION', message: "The security context does not allow impersonation of the client", source: COM_DOCS_4 },
  { code: 0x8009030C, name: 'SEC_E_LOGON_DENIED', message: "The logon attempt failed", source: COM_DOCS_4 },
  { code: 0x8009030D, name: 'SEC_E_UNKNOWN_CREDENTIALS', message: "The credentials supplied to the package were not recognized", source: COM_DOCS_4 },
  { code: 0x8009030E, name: 'SEC_E_NO_CREDENTIALS', message: "No credentials are available in the security package", source: COM_DOCS_4 },
  { code: 0x80090311, name: 'SEC_E_NO_AUTHENTICATING_AUTHORITY', message: "No authority could be contacted for authentication.", source: COM_DOCS_4 },
  { code: 0x80090317, name: 'SEC_E_CONTEXT_EXPIRED', message: "The context has expired and can no longer be used.", source: COM_DOCS_4 },
  { code: 0x80090322, name: 'SEC_E_WRONG_PRINCIPAL', message: "The target principal name is incorrect.", source: COM_DOCS_4 },
  { code: 0x80090324, name: 'SEC_E_TIME_SKEW', message: "The clocks on the client and server machines are skewed.", source: COM_DOCS_4 },
  { code: 0x80090342, name: 'SEC_E_KDC_UNKNOWN_ETYPE', message: "The encryption type requested is not supported by the KDC.", source: COM_DOCS_4 },
  { code: 0x80090345, name: 'SEC_E_DELEGATION_REQUIRED', message: "The requested operation cannot be completed. The computer must be trusted for delegation and the current user account must be configured to allow delegation.", source: COM_DOCS_4 },
  { code: 0x80090350, name: 'SEC_E_DOWNGRADE_DETECTED', message: "The system cannot contact a domain controller to service the authentication request. Please try again later.", source: COM_DOCS_4 },
  { code: 0x80090357, name: 'SEC_E_CROSSREALM_DELEGATION_FAILURE', message: "An attempt was made by this server to make a Kerberos constrained delegation request for a target outside of the server's realm. This is not supported, and indicates a misconfiguration on this server's allowed to delegate to list. Please contact your administrator.", source: COM_DOCS_4 },
  { code: 0x8009035E, name: 'SEC_E_DELEGATION_POLICY', message: "Client policy does not allow credential delegation to target server.", source: COM_DOCS_4 },
  { code: 0x8009035F, name: 'SEC_E_POLICY_NLTM_ONLY', message: "Client policy does not allow credential delegation to target server with NLTM only authentication.", source: COM_DOCS_4 },
  { code: 0x80090016, name: 'NTE_BAD_KEYSET', message: "Keyset does not exist", source: COM_DOCS_4 },
  { code: 0x8000401A, name: 'CO_E_RUNAS_LOGON_FAILURE', message: "The server process could not be started because the configured identity is incorrect. Check the user name and password.", source: COM_DOCS_1 },
  { code: 0x80010123, name: 'CO_E_FAILEDTOIMPERSONATE', message: "Unable to impersonate DCOM client", source: COM_DOCS_3 },
  { code: 0x8001011B, name: 'RPC_E_ACCESS_DENIED', message: "Access is denied.", source: COM_DOCS_3 },
];

// Classic event sources write unnamed <Data> inserts; these are the names of the positions this domain reads.
// ASP.NET health-monitoring events (1309 = 3005 unhandled exception, 1310 = 3008 configuration error) share the
// WebBaseEvent template; MSSQL 18456 is "Login failed for user '%1'. %2 %3"; KDC 11 names the duplicated SPN;
// Application Error 1000 is "Faulting application name: %1 ... Exception code: %7".

const ASPNET_WEB_EVENT = [
  'EventCode',
  'EventMessage',
  'EventTime',
  'EventTimeUtc',
  'EventId',
  'EventSequence',
  'EventOccurrence',
  'EventDetailCode',
  'ApplicationDomain',
  'TrustLevel',
  'ApplicationVirtualPath',
  'ApplicationPath',
  'MachineName',
  'CustomData',
  'ProcessId',
  'ProcessName',
  'AccountName',
  'ExceptionType',
  'ExceptionMessage',
  'RequestUrl',
  'RequestPath',
  'UserHostAddress',
  'User',
  'IsAuthenticated',
  'AuthenticationType',
  'RequestThreadAccountName',
  'ThreadId',
  'ThreadAccountName',
  'IsImpersonating',
  'StackTrace',
];

const MSSQL_18456 = ['User', 'Reason', 'Client'];
const APPLICATION_ERROR_1000 = [
  'AppName',
  'AppVersion',
  'AppTimeStamp',
  'ModuleName',
  'ModuleVersion',
  'ModuleTimeStamp',
  'ExceptionCode',
  'FaultingOffset',
  'ProcessId',
  'ProcessCreationTime',
  'AppPath',
  'ModulePath',
  'IntegratorReportId',
];
const KDC_11 = ['DuplicateName', 'NameType'];

/** Names for positional inserts of this event, or [] when only Data1, Data2... are known. */
export function positionalNames(provider: string, id: string): string[] {
  if (/^ASP\.NET/i.test(provider) && (id === '1309' || id === '1310')) return ASPNET_WEB_EVENT;
  if (/^MSSQL/i.test(provider) && id === '18456') return MSSQL_18456;
  if (/Key-Distribution-Center|^KDC$/i.test(provider) && id === '11') return KDC_11;
  if (/^Application Error$/i.test(provider) && id === '1000') return APPLICATION_ERROR_1000;
  return [];
}

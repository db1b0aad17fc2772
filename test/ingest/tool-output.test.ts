import { strict as assert } from 'node:assert';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { find, values } from './helpers.js';

const read = (text: string) => parseText('pasted.txt', text).evidence;

const POOL_PRIVILEGES = `PRIVILEGES INFORMATION
----------------------

Privilege Name                Description                               State
============================= ========================================= ========
SeAssignPrimaryTokenPrivilege Replace a process level token             Disabled
SeIncreaseQuotaPrivilege      Adjust memory quotas for a process        Disabled
SeAuditPrivilege              Generate security audits                  Disabled
SeChangeNotifyPrivilege       Bypass traverse checking                  Enabled
SeCreateGlobalPrivilege       Create global objects                     Enabled
SeIncreaseWorkingSetPrivilege Increase a process working set            Disabled`;

const STANDARD_USER_PRIVILEGES = `Privilege Name                Description                          State
============================= ==================================== ========
SeShutdownPrivilege           Shut down the system                 Disabled
SeChangeNotifyPrivilege       Bypass traverse checking             Enabled
SeUndockPrivilege             Remove computer from docking station Disabled
SeIncreaseWorkingSetPrivilege Increase a process working set       Disabled
SeTimeZonePrivilege           Change the time zone                 Disabled`;

const WHOAMI_ALL_POOL = `USER INFORMATION
----------------

User Name            SID
==================== =============================================================
iis apppool\\orders   S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415

GROUP INFORMATION
-----------------

Group Name                           Type             SID          Attributes
==================================== ================ ============ ==================================================
Mandatory Label\\High Mandatory Level Label            S-1-16-12288
Everyone                             Well-known group S-1-1-0      Mandatory group, Enabled by default, Enabled group
BUILTIN\\Users                        Alias            S-1-5-32-545 Mandatory group, Enabled by default, Enabled group
BUILTIN\\IIS_IUSRS                    Alias            S-1-5-32-568 Mandatory group, Enabled by default, Enabled group

${POOL_PRIVILEGES.replace('\nSeCreateGlobalPrivilege', '\nSeImpersonatePrivilege        Impersonate a client after authentication Enabled\nSeCreateGlobalPrivilege')}`;

function secedit(impersonate: string | undefined, extra = ''): string {
  return [
    '[Unicode]',
    'Unicode=yes',
    '[Version]',
    'signature="$CHICAGO$"',
    'Revision=1',
    '[Privilege Rights]',
    'SeNetworkLogonRight = *S-1-1-0,*S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551',
    'SeBackupPrivilege = *S-1-5-32-544,*S-1-5-32-551',
    'SeChangeNotifyPrivilege = *S-1-1-0,*S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-32-545,*S-1-5-32-551',
    'SeSystemtimePrivilege = *S-1-5-19,*S-1-5-32-544',
    'SeCreatePagefilePrivilege = *S-1-5-32-544',
    'SeDebugPrivilege = *S-1-5-32-544',
    'SeRemoteShutdownPrivilege = *S-1-5-32-544',
    'SeAuditPrivilege = *S-1-5-19,*S-1-5-20',
    'SeIncreaseQuotaPrivilege = *S-1-5-19,*S-1-5-20,*S-1-5-32-544',
    'SeBatchLogonRight = *S-1-5-32-544,*S-1-5-32-551,*S-1-5-32-559,*S-1-5-32-568',
    ...(impersonate === undefined ? [] : [`SeImpersonatePrivilege = ${impersonate}`]),
    'SeCreateGlobalPrivilege = *S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-6',
    extra,
  ].join('\r\n');
}

describe('ingest/text: Windows tool output', () => {
  describe('whoami', () => {
    it('reads a worker-process privilege list without SeImpersonatePrivilege as a service token that lacks it', () => {
      const ev = read(POOL_PRIVILEGES);
      assert.deepEqual(values(ev, 'token.kind'), ['service']);
      assert.equal(values(ev, 'token.privilege').length, 6);
      const missing = find(ev, 'token.privilege-missing', 'SeImpersonatePrivilege');
      assert.ok(missing, 'the missing privilege is stated');
      assert.equal(missing.source.line, 6, 'cited at the first privilege row');
      assert.match(missing.excerpt, /6 privileges .*do not include SeImpersonatePrivilege/);
    });

    it('says nothing is missing from a standard user list: a user never holds the impersonation right', () => {
      const ev = read(STANDARD_USER_PRIVILEGES);
      assert.deepEqual(values(ev, 'token.kind'), ['user']);
      assert.equal(values(ev, 'token.privilege-missing').length, 0);
      assert.equal(values(ev, 'token.privilege-held').length, 0);
    });

    it('reads whoami /all: the pool user, its groups and the impersonation right it holds', () => {
      const ev = read(WHOAMI_ALL_POOL);
      assert.deepEqual(values(ev, 'token.kind'), ['app-pool']);
      assert.deepEqual(values(ev, 'token.user'), ['iis apppool\\orders']);
      const held = find(ev, 'token.privilege-held', 'SeImpersonatePrivilege');
      assert.ok(held);
      assert.equal(held.attrs?.state, 'Enabled');
      assert.equal(values(ev, 'token.privilege-missing').length, 0);
    });

    it('reads the table pasted into a chat with its columns collapsed to single spaces', () => {
      const text = 'ran whoami /priv from a test page in the pool, see below\nSeAssignPrimaryTokenPrivilege Replace a process level token Disabled\nSeIncreaseQuotaPrivilege Adjust memory quotas for a process Disabled\nSeChangeNotifyPrivilege Bypass traverse checking Enabled';
      assert.ok(find(read(text), 'token.privilege-missing', 'SeImpersonatePrivilege'));
    });

    it('reads translated output by the rows (German states), not by the English headers', () => {
      const text = 'BERECHTIGUNGSINFORMATIONEN\nSeAssignPrimaryTokenPrivilege Ersetzen eines Tokens auf Prozessebene Deaktiviert\nSeImpersonatePrivilege Annehmen der Clientidentität nach der Authentifizierung Aktiviert\nSeAuditPrivilege Generieren von Sicherheitsüberwachungen Deaktiviert';
      const ev = read(text);
      assert.equal(find(ev, 'token.privilege-held', 'SeImpersonatePrivilege')?.attrs?.state, 'Enabled');
    });

    it('does not take one privilege named in prose for a privilege list', () => {
      assert.equal(values(read('I checked and SeImpersonatePrivilege is Enabled for IIS_IUSRS'), 'token.kind').length, 0);
    });
  });

  describe('user rights', () => {
    it('reads a secedit export whose impersonation right lacks IIS_IUSRS, naming the holders by name', () => {
      const ev = read(secedit('*S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-6'));
      const lacks = find(ev, 'user-right.lacks', 'SeImpersonatePrivilege:IIS_IUSRS');
      assert.ok(lacks);
      assert.equal(lacks.attrs?.holders, 'LOCAL SERVICE, NETWORK SERVICE, Administrators, SERVICE');
      assert.equal(lacks.attrs?.tool, 'secedit');
      assert.ok(find(ev, 'user-right.grants', 'SeBatchLogonRight:IIS_IUSRS'));
      assert.ok(find(ev, 'user-right.grants', 'SeNetworkLogonRight:Users'));
    });

    it('reads a secedit export that grants it', () => {
      const ev = read(secedit('*S-1-5-19,*S-1-5-20,*S-1-5-32-544,*S-1-5-32-568,*S-1-5-6'));
      assert.ok(find(ev, 'user-right.grants', 'SeImpersonatePrivilege:IIS_IUSRS'));
      assert.equal(values(ev, 'user-right.lacks').length, 0);
    });

    it('reads a right missing from a complete [Privilege Rights] section as held by no one', () => {
      const lacks = find(read(secedit(undefined)), 'user-right.lacks', 'SeImpersonatePrivilege:IIS_IUSRS');
      assert.ok(lacks);
      assert.match(lacks.excerpt, /no SeImpersonatePrivilege line/);
    });

    it('reads every holder of a Deny right, and a domain account by its name', () => {
      const ev = read(secedit('*S-1-5-32-568', 'SeDenyBatchLogonRight = *S-1-5-32-546,CONTOSO\\svc-web'));
      assert.deepEqual(values(ev, 'user-right.denies'), ['SeDenyBatchLogonRight:Guests', 'SeDenyBatchLogonRight:CONTOSO\\svc-web']);
    });

    it('reads the Local Security Policy export list (display names, tab-separated)', () => {
      const text = 'Policy\tSecurity Setting\nAccess this computer from the network\tEveryone,Administrators,Users,Backup Operators\nImpersonate a client after authentication\tLOCAL SERVICE,NETWORK SERVICE,Administrators,SERVICE\nLog on as a batch job\tAdministrators,Backup Operators,Performance Log Users,IIS_IUSRS\n';
      const ev = read(text);
      assert.equal(find(ev, 'user-right.lacks', 'SeImpersonatePrivilege:IIS_IUSRS')?.source.line, 3);
      assert.ok(find(ev, 'user-right.grants', 'SeBatchLogonRight:IIS_IUSRS'));
    });

    it('reads a gpresult HTML report row with its winning GPO', () => {
      const html =
        '<html><head><title>Group Policy Results</title></head><body><table class="info3"><tr><th>Policy</th><th>Setting</th><th>Winning GPO</th></tr>' +
        '<tr><td>Impersonate a client after authentication</td><td>BUILTIN\\Administrators, NT AUTHORITY\\LOCAL SERVICE, NT AUTHORITY\\NETWORK SERVICE, NT AUTHORITY\\SERVICE</td><td>CIS Server 2019 L1</td></tr></table></body></html>';
      const lacks = find(parseText('report.html', html).evidence, 'user-right.lacks', 'SeImpersonatePrivilege:IIS_IUSRS');
      assert.ok(lacks);
      assert.equal(lacks.attrs?.gpo, 'CIS Server 2019 L1');
      assert.equal(lacks.attrs?.holders, 'Administrators, LOCAL SERVICE, NETWORK SERVICE, SERVICE');
    });

    it('reads accesschk -a output: the right, then one holder per indented line', () => {
      const ev = read('SeImpersonatePrivilege\n        NT AUTHORITY\\SERVICE\n        BUILTIN\\Administrators\n        BUILTIN\\IIS_IUSRS\n');
      assert.ok(find(ev, 'user-right.grants', 'SeImpersonatePrivilege:IIS_IUSRS'));
    });

    it('reads rights lines as Select-String prints them from the exported file', () => {
      const ev = read('C:\\Users\\adm\\AppData\\Local\\Temp\\ur.inf:12:SeInteractiveLogonRight = *S-1-5-32-544\nC:\\Users\\adm\\AppData\\Local\\Temp\\ur.inf:13:SeDenyInteractiveLogonRight = *S-1-5-21-1-2-3-5120,*S-1-5-32-546');
      assert.deepEqual(values(ev, 'user-right.denies'), ['SeDenyInteractiveLogonRight:S-1-5-21-1-2-3-5120', 'SeDenyInteractiveLogonRight:Guests']);
    });

    it('reads nothing from prose that names a right', () => {
      assert.equal(values(read('Could the GPO have changed Impersonate a client after authentication?'), 'user-right').length, 0);
    });
  });

  describe('setspn', () => {
    it('reads -Q finding the SPN on two accounts as a duplicate, naming both', () => {
      const text = 'C:\\>setspn -Q HTTP/intranet.contoso.com\nChecking domain DC=contoso,DC=com\nCN=WEB01,OU=Servers,DC=contoso,DC=com\n\tHTTP/intranet.contoso.com\n\tHOST/WEB01\nCN=svc-intranet,OU=Service Accounts,DC=contoso,DC=com\n\tHTTP/intranet.contoso.com\n\nExisting SPN found!';
      const dup = find(read(text), 'spn.duplicate', 'HTTP/intranet.contoso.com');
      assert.ok(dup);
      assert.equal(dup.attrs?.accounts, 'WEB01, svc-intranet');
    });

    it('reads -Q on one account as registered, not duplicate', () => {
      const ev = read('setspn -q http/intranet\nChecking domain DC=contoso,DC=com\nCN=svc-intranet,OU=Service Accounts,DC=contoso,DC=com\n\tHTTP/intranet\n\tHTTP/intranet.contoso.com\n\nExisting SPN found!');
      assert.equal(values(ev, 'spn.duplicate').length, 0);
      assert.deepEqual(values(ev, 'spn.registered'), ['HTTP/intranet', 'HTTP/intranet.contoso.com']);
    });

    it('reads "No such SPN found." with the SPN of the pasted command', () => {
      const ev = read('PS C:\\> setspn -Q HTTP/hr.contoso.com\nChecking domain DC=contoso,DC=com\n\nNo such SPN found.');
      assert.ok(find(ev, 'spn.not-found', 'HTTP/hr.contoso.com'));
    });

    it('reads -X groups and the "found 0 group" line', () => {
      const dup = read('Checking domain DC=contoso,DC=com\nProcessing entry 0\nHTTP/portal.contoso.com is registered on these accounts:\n\tCN=svc-portal,OU=Svc,DC=contoso,DC=com\n\tCN=WEB02,OU=Servers,DC=contoso,DC=com\n\nfound 1 group of duplicate SPNs.');
      assert.equal(find(dup, 'spn.duplicate', 'HTTP/portal.contoso.com')?.attrs?.accounts, 'svc-portal, WEB02');
      assert.ok(find(read('Checking domain DC=contoso,DC=com\nProcessing entry 0\nfound 0 group of duplicate SPNs.'), 'spn.duplicates-none', 'true'));
    });

    it('reads -L of an account without an HTTP SPN', () => {
      const ev = read('Registered ServicePrincipalNames for CN=svc-web,OU=Service Accounts,DC=contoso,DC=com:\n\tMSSQLSvc/sql01.contoso.com:1433\n');
      assert.equal(find(ev, 'spn.account-without-http', 'svc-web')?.attrs?.spns, 'MSSQLSvc/sql01.contoso.com:1433');
    });
  });

  describe('nslookup', () => {
    it('reads a DNS alias, and a klist ticket for its canonical name in the same paste', () => {
      const text = 'C:\\>nslookup hr.tailspin.local\nServer:  tsdc01.tailspin.local\nAddress:  10.1.0.5\n\nName:    tsweb04.tailspin.local\nAddress:  10.1.3.44\nAliases:  hr.tailspin.local\n\nCached Tickets: (1)\n\n#0>\tClient: abarnes @ TAILSPIN.LOCAL\n\tServer: HTTP/tsweb04.tailspin.local @ TAILSPIN.LOCAL\n\tTicket Flags 0x40a50000 -> forwardable renewable pre_authent ok_as_delegate\n';
      const ev = read(text);
      assert.equal(find(ev, 'dns.alias', 'hr.tailspin.local')?.attrs?.canonical, 'tsweb04.tailspin.local');
      assert.equal(find(ev, 'kerberos.ticket-for-canonical-name', 'hr.tailspin.local')?.attrs?.ticket, 'HTTP/tsweb04.tailspin.local');
      assert.equal(values(read(text.replace('Server: HTTP/tsweb04', 'Server: HTTP/hr')), 'kerberos.ticket-for-canonical-name').length, 0, 'a ticket for the alias itself is fine');
    });
  });

  describe('klist', () => {
    const ticket = (n: number, server: string, flags: string) =>
      `#${n}>\tClient: alice @ CONTOSO.COM\n\tServer: ${server} @ CONTOSO.COM\n\tKerbTicket Encryption Type: AES-256-CTS-HMAC-SHA1-96\n\tTicket Flags ${flags}\n\tStart Time: 12/2/2026 9:01:12 (local)\n`;
    it('reads tickets, their flags and an HTTP ticket', () => {
      const ev = read(`Current LogonId is 0:0x3e7a1\n\nCached Tickets: (2)\n\n${ticket(0, 'krbtgt/CONTOSO.COM', '0x40e10000 -> forwardable renewable initial pre_authent name_canonicalize')}\n${ticket(1, 'HTTP/intranet.contoso.com', '0x40a10000 -> forwardable renewable pre_authent name_canonicalize')}`);
      assert.deepEqual(values(ev, 'kerberos.ticket'), ['krbtgt/CONTOSO.COM', 'HTTP/intranet.contoso.com']);
      assert.ok(find(ev, 'kerberos.http-ticket', 'HTTP/intranet.contoso.com'));
      assert.equal(values(ev, 'kerberos.ticket-not-forwardable').length, 0);
      assert.equal(values(ev, 'kerberos.no-http-ticket').length, 0);
    });

    it('reads tickets without the forwardable bit (sensitive account) by the flags value, TGT and HTTP alike', () => {
      const ev = read(`Cached Tickets: (2)\n\n${ticket(0, 'krbtgt/CONTOSO.COM', '0xe10000 -> renewable initial pre_authent name_canonicalize')}\n${ticket(1, 'HTTP/app.contoso.com', '0x40a10000')}`);
      assert.deepEqual(values(ev, 'kerberos.ticket-not-forwardable'), ['krbtgt/CONTOSO.COM']);
      assert.equal(find(ev, 'kerberos.ticket', 'HTTP/app.contoso.com')?.attrs?.forwardable, 'true', 'the bit alone says forwardable');
    });

    it('says when no ticket is for an HTTP service', () => {
      const ev = read(`Cached Tickets: (2)\n\n${ticket(0, 'krbtgt/CONTOSO.COM', '0x40e10000 -> forwardable renewable initial pre_authent')}\n${ticket(1, 'cifs/fs01.contoso.com', '0x40a10000 -> forwardable renewable pre_authent')}`);
      assert.equal(find(ev, 'kerberos.no-http-ticket', 'true')?.attrs?.servers, 'krbtgt/CONTOSO.COM, cifs/fs01.contoso.com');
    });
  });
});

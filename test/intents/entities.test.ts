import assert from 'node:assert/strict';
import { extractEntities, type EntityType } from '../../knowledge/intents/index.js';

type Expected = [type: EntityType, value: string, canonical?: string];

/** Exact spans: every expected entity must be found at text.indexOf(value) (first occurrence). */
const table: [string, Expected[]][] = [
  ['login failed for CONTOSO\\jdoe', [['account', 'CONTOSO\\jdoe']]],
  ['runs as IIS AppPool\\HRPortal now', [['account', 'IIS AppPool\\HRPortal']]],
  ["Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'.", [['account', 'NT AUTHORITY\\ANONYMOUS LOGON']]],
  ['ticket for jdoe@contoso.com expired', [['account', 'jdoe@contoso.com']]],
  ['ping @SupportBot and user@localhost', []],
  ['machine account WEB01$ cannot delegate', [['account', 'WEB01$']]],
  ['add IIS_IUSRS back', [['account', 'IIS_IUSRS']]],
  ['see https://intranet.contoso.com/hr/default.aspx.', [['url', 'https://intranet.contoso.com/hr/default.aspx']]],
  ['the site web01.contoso.local is slow', [['host', 'web01.contoso.local']]],
  ['share \\\\fs01\\exports is denied', [['host', 'fs01']]],
  ['setspn -s HTTP/web01.contoso.com svc-web', [['host', 'web01.contoso.com']]],
  ['on server WEB02 only', [['host', 'WEB02']]],
  ['edit web.config and restart w3wp.exe', []],
  ['IIS 8.5 on Windows Server 2012 R2', [['version', 'IIS 8.5'], ['version', 'Windows Server 2012 R2']]],
  ['.NET 4.8 and ASP.NET Core 6', [['version', '.NET 4.8'], ['version', 'ASP.NET Core 6', 'ASP.NET Core 6']]],
  ['win10 clients, iis10', [['version', 'win10', 'Windows 10'], ['version', 'iis10', 'IIS 10']]],
  ['.NET Framework 4.7.2', [['version', '.NET Framework 4.7.2']]],
  ['kerberos falls back to NTLM with Negotiate', [['auth_type', 'kerberos', 'Kerberos'], ['auth_type', 'NTLM'], ['auth_type', 'Negotiate']]],
  ['basic auth and forms authentication', [['auth_type', 'basic auth', 'Basic'], ['auth_type', 'forms authentication', 'Forms']]],
  ['enable anonymous authentication and windows auth', [['auth_type', 'anonymous authentication', 'Anonymous'], ['auth_type', 'windows auth', 'Windows']]],
  ['digest authentication is off', [['auth_type', 'digest authentication', 'Digest']]],
  ['a basic question about forms', []],
  ['SeImpersonatePrivilege is gone', [['privilege', 'SeImpersonatePrivilege']]],
  ['grant Act as part of the operating system', [['privilege', 'Act as part of the operating system', 'SeTcbPrivilege']]],
  ['Impersonate a client after authentication', [['privilege', 'Impersonate a client after authentication', 'SeImpersonatePrivilege']]],
  ['needs Log on as a batch job and SeServiceLogonRight', [['privilege', 'Log on as a batch job', 'SeBatchLogonRight'], ['privilege', 'SeServiceLogonRight']]],
  ['0x80070542', [['win32', '0x80070542']]],
  ['error 1326 at logon', [['win32', '1326', '0x8007052E']]],
  ['status 0xC000006D', [['ntstatus', '0xC000006D']]],
  ['SEC_E_WRONG_PRINCIPAL', [['sspi', 'SEC_E_WRONG_PRINCIPAL', '0x80090322']]],
  ['KRB_AP_ERR_MODIFIED', [['kerberos', 'KRB_AP_ERR_MODIFIED', 'KRB:0x29']]],
  ['HTTP Error 500.24 - Internal Server Error', [['http_status', '500.24']]],
  ['lots of event 4625 in the log', [['event_id', '4625']]],
];

// Things that look like codes but are not: dates, version numbers, ports, times.
const notCodes = [
  'on 2023-11-14 at 10:45',
  'version 10.0.17763.1 installed',
  'listening on port 8080 and 443',
  'build 1809 of the OS',
  'IIS 8.5',
  '192.168.1.20',
];

const CODE_TYPES = new Set(['hresult', 'win32', 'ntstatus', 'sspi', 'kerberos', 'http_status', 'event_id']);

describe('entity extraction', () => {
  for (const [text, expected] of table) {
    it(`finds ${expected.length ? expected.map((e) => `${e[0]} "${e[1]}"`).join(', ') : 'nothing'} in "${text}"`, () => {
      const found = extractEntities(text);
      const wanted = expected.map(([type, value, canonical]) => {
        const start = text.indexOf(value);
        const entity: Record<string, unknown> = { type, value, start, end: start + value.length };
        if (canonical !== undefined && canonical !== value) entity.canonical = canonical;
        return entity;
      });
      const got = found.map((e) => {
        const entity: Record<string, unknown> = { type: e.type, value: e.value, start: e.start, end: e.end };
        // Canonical forms are checked only where the table names one.
        const want = expected.find(([type, value]) => type === e.type && value === e.value);
        if (want?.[2] !== undefined && e.canonical !== undefined) entity.canonical = e.canonical;
        return entity;
      });
      assert.deepEqual(got, wanted);
      for (const e of found) assert.equal(text.slice(e.start, e.end), e.value);
    });
  }

  for (const text of notCodes) {
    it(`finds no error code in "${text}"`, () => {
      assert.deepEqual(extractEntities(text).filter((e) => CODE_TYPES.has(e.type)), []);
    });
  }

  it('completes on adversarial 100 KB pastes', () => {
    const inputs = [
      'a'.repeat(100_000),
      '\\'.repeat(100_000),
      'x.'.repeat(50_000),
      `${'a-'.repeat(49_999)}@`,
      'http://'.repeat(14_000),
      'Se'.repeat(50_000),
      '0x'.repeat(50_000),
      'IIS '.repeat(25_000),
      'NT AUTHORITY\\'.repeat(7_000),
      `${'a'.repeat(60)}@`.repeat(1_600),
      'log on log on '.repeat(7_000),
      'server '.repeat(14_000),
    ];
    for (const text of inputs) {
      assert.ok(text.length >= 90_000);
      assert.ok(Array.isArray(extractEntities(text)));
    }
  });
});

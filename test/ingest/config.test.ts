// Config parser: FACTS.md keys with line numbers, locations, roles, redaction of every planted secret, errors, fuzz.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Evidence } from '../../knowledge/types.js';
import { parseConfig, looksSecretKey } from '../../knowledge/ingest/config/index.js';
import { parseEventLogXml } from '../../knowledge/ingest/eventlog/index.js';
import { IngestError, type ParsedFile } from '../../knowledge/ingest/types.js';

const DIR = new URL('../fixtures/ingest/config/', import.meta.url);

function load(name: string): Buffer {
  return readFileSync(new URL(name, DIR));
}

function find(ev: Evidence[], key: string, location?: string): Evidence | undefined {
  return ev.find((e) => e.key === key && e.attrs?.location === location);
}

describe('config: parseConfig', () => {
  it("gives applicationHost.config's kernel-mode defaults when the element leaves them out, and not a web.config's", () => {
    const apphost = '<configuration><system.applicationHost><applicationPools><add name="A" /></applicationPools></system.applicationHost><location path="Site"><system.webServer><security><authentication><windowsAuthentication enabled="true" /></authentication></security></system.webServer></location></configuration>';
    const ev = parseConfig('applicationHost.config', Buffer.from(apphost)).evidence;
    const key = (a: string) => ev.find((e) => e.key === `system.webServer/security/authentication/windowsAuthentication@${a}`);
    assert.equal(key('useAppPoolCredentials')?.value, 'false');
    assert.equal(key('useAppPoolCredentials')?.attrs?.default, 'true');
    assert.equal(key('useKernelMode')?.value, 'true');
    const web = parseConfig('web.config', Buffer.from('<configuration><system.webServer><security><authentication><windowsAuthentication enabled="true" /></authentication></security></system.webServer></configuration>')).evidence;
    assert.ok(!web.some((e) => /useAppPoolCredentials/.test(e.key)), 'a web.config may inherit it from the server');
  });

  it('gives a <location> the server-level values it inherits, and no defaults where Windows authentication is off', () => {
    const wa = (attrs: string) => `<security><authentication><windowsAuthentication ${attrs} /></authentication></security>`;
    const apphost = `<configuration><system.webServer>${wa('enabled="false" useAppPoolCredentials="true"')}</system.webServer><location path="Intranet"><system.webServer>${wa('enabled="true"')}</system.webServer></location><location path="Public"><system.webServer>${wa('useKernelMode="true"')}</system.webServer></location></configuration>`;
    const ev = parseConfig('applicationHost.config', Buffer.from(apphost)).evidence;
    const of = (location: string | undefined, a: string) => ev.filter((e) => e.key === `system.webServer/security/authentication/windowsAuthentication@${a}` && e.attrs?.location === location);
    assert.equal(of('Intranet', 'useAppPoolCredentials')[0]?.value, 'true', 'inherited from the server-level element');
    assert.equal(of('Intranet', 'useAppPoolCredentials')[0]?.attrs?.inherited, 'true');
    assert.equal(of('Intranet', 'useKernelMode')[0]?.value, 'true', 'the schema default');
    assert.deepEqual(of(undefined, 'useKernelMode'), [], 'no defaults for the server level, where it is disabled');
    assert.deepEqual(of('Public', 'useAppPoolCredentials'), [], 'nor for a site that inherits enabled="false"');
  });

  it('reports that the ASP.NET Core Module hosts the site', () => {
    const ev = parseConfig('web.config', Buffer.from('<configuration><system.webServer><aspNetCore processPath=".\\Api.exe" hostingModel="inprocess" /></system.webServer></configuration>')).evidence;
    assert.equal(ev.find((e) => e.key === 'system.webServer/aspNetCore@hostingModel')?.value, 'inprocess');
  });

  it('reads web.config settings with path, line and redacted excerpt', () => {
    const r = parseConfig('web.config', load('web.config'));
    assert.equal(r.format, 'config');
    const imp = find(r.evidence, 'system.web/identity@impersonate');
    assert.equal(imp?.value, 'true');
    assert.deepEqual(imp?.source, {
      file: 'web.config',
      path: 'configuration/system.web/identity',
      line: 16,
    });
    assert.equal(
      imp?.excerpt,
      '<identity impersonate="true" userName="CONTOSO\\svc_orders" password="[redacted]" />',
    );
    assert.equal(imp?.attrs?.file, 'web.config');
    const expected: Record<string, string> = {
      'system.web/identity@userName': 'CONTOSO\\svc_orders',
      'system.web/identity@password': '[redacted]',
      'system.web/authentication@mode': 'Windows',
      'system.web/pages@aspCompat': 'true',
      'system.webServer/validation@validateIntegratedModeConfiguration': 'false',
      'system.webServer/security/authentication/windowsAuthentication@enabled': 'true',
      'system.webServer/security/authentication/windowsAuthentication@useKernelMode': 'true',
      'system.webServer/security/authentication/windowsAuthentication@useAppPoolCredentials': 'false',
      'system.webServer/security/authentication/windowsAuthentication/providers': 'Negotiate,NTLM',
      'system.webServer/security/authentication/windowsAuthentication/extendedProtection@tokenChecking':
        'Allow',
      'system.webServer/security/authentication/anonymousAuthentication@enabled': 'false',
    };
    for (const [k, v] of Object.entries(expected)) assert.equal(find(r.evidence, k)?.value, v, k);
    assert.equal(find(r.evidence, 'system.web/identity@impersonate', 'Reports')?.value, 'false');
    const conns = r.evidence.filter((e) => e.key === 'connectionStrings/add@connectionString');
    assert.deepEqual(
      conns.map((e) => [e.attrs?.name, e.attrs?.integratedSecurity]),
      [
        ['OrdersDb', 'true'],
        ['LegacyDb', 'false'],
      ],
    );
    assert.deepEqual(
      r.evidence.filter((e) => e.key === 'appSettings/add@value').map((e) => [e.attrs?.key, e.value]),
      [
        ['PaymentApiKey', '[redacted]'],
        ['Smtp.Password', '[redacted]'],
      ],
    );
    const where = r.evidence
      .filter((e) => e.key === 'secrets.plaintext-credentials')
      .map((e) => e.attrs?.where);
    assert.deepEqual(where, [
      'appSettings/add@value key=PaymentApiKey',
      'appSettings/add@value key=Smtp.Password',
      'connectionStrings/add@connectionString',
      'system.web/identity@password',
    ]);
    assert.deepEqual(r.redactions, {
      'appSettings secret': 2,
      'connection-string password': 1,
      'password attribute': 1,
      machineKey: 2,
    });
  });

  it('reads applicationHost.config pools, sections and location blocks', () => {
    const r = parseConfig('applicationHost.config', load('applicationHost.config'));
    const pools = r.evidence.filter(
      (e) => e.key === 'system.applicationHost/applicationPools/add@managedPipelineMode',
    );
    assert.deepEqual(
      pools.map((e) => [e.attrs?.name, e.value]),
      [
        ['HelpDeskPool', 'Integrated'],
        ['ReportsPool', 'Classic'],
      ],
    );
    const ids = r.evidence.filter(
      (e) => e.key === 'system.applicationHost/applicationPools/add/processModel@identityType',
    );
    assert.deepEqual(
      ids.map((e) => [e.attrs?.name, e.value]),
      [
        ['HelpDeskPool', 'SpecificUser'],
        ['ReportsPool', 'SpecificUser'],
      ],
    );
    const sections = r.evidence
      .filter((e) => e.key === 'section@overrideModeDefault')
      .map((e) => e.attrs?.section);
    assert.ok(sections.includes('system.webServer/security/authentication/windowsAuthentication'));
    const loc = 'Default Web Site/HelpDesk';
    assert.equal(
      find(
        r.evidence,
        'system.webServer/security/authentication/windowsAuthentication@useAppPoolCredentials',
        loc,
      )?.value,
      'true',
    );
    assert.equal(
      find(r.evidence, 'system.webServer/security/authentication/windowsAuthentication/providers', loc)
        ?.value,
      'Negotiate:Kerberos',
    );
    assert.equal(
      find(r.evidence, 'system.webServer/security/authentication/anonymousAuthentication@userName', loc)
        ?.value,
      '',
    );
    // The [enc:...:enc] pool password is encrypted: only ReportsPool's is plaintext.
    assert.deepEqual(
      r.evidence.filter((e) => e.key === 'secrets.plaintext-credentials').map((e) => e.attrs?.name),
      ['ReportsPool'],
    );
    assert.match(r.summary, /applicationHost\.config/);
  });

  it('reads aspnet.config runtime policies', () => {
    const r = parseConfig('aspnet.config', load('aspnet.config'));
    assert.equal(find(r.evidence, 'runtime/legacyImpersonationPolicy@enabled')?.value, 'true');
    assert.equal(find(r.evidence, 'runtime/alwaysFlowImpersonationPolicy@enabled')?.value, 'false');
    assert.equal(r.evidence[0].attrs?.file, 'aspnet.config');
  });

  it('does not call an encrypted identity section plaintext', () => {
    const r = parseConfig('web.config', load('web-encrypted-identity.config'));
    assert.equal(
      find(r.evidence, 'system.web/identity@configProtectionProvider')?.value,
      'RsaProtectedConfigurationProvider',
    );
    assert.equal(
      r.evidence.some((e) => e.key === 'secrets.plaintext-credentials'),
      false,
    );
  });

  it('recognises secret-looking appSettings keys', () => {
    for (const k of [
      'DbPassword',
      'api_key',
      'ClientSecret',
      'StorageConnectionString',
      'AuthToken',
      'SigningKey',
    ])
      assert.ok(looksSecretKey(k), k);
    for (const k of ['Environment', 'PageSize', 'MonkeyCount']) assert.ok(!looksSecretKey(k), k);
  });

  const bad: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['not a config', '<Events/>', /not an IIS\/ASP\.NET configuration file/],
    ['malformed', '<configuration>\n  <system.web>\n</configuration>', /not well-formed XML at line 3/],
    [
      'external entity',
      '<!DOCTYPE configuration [<!ENTITY x SYSTEM "file:///c:/windows/win.ini">]><configuration>&x;</configuration>',
      /refused/,
    ],
  ];
  for (const [label, text, pattern] of bad) {
    it(`refuses ${label} with an IngestError naming the file`, () => {
      assert.throws(
        () => parseConfig('web.config', Buffer.from(text)),
        (e: unknown) => e instanceof IngestError && e.file === 'web.config' && pattern.test(e.message),
      );
    });
  }

  it('never throws anything but IngestError on mutated configs (fuzz)', () => {
    const base = load('web.config');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(base.length),
        (edits, cut) => {
          const b = Buffer.from(base.subarray(0, cut));
          for (const [i, v] of edits) if (i < b.length) b[i] = v;
          try {
            parseConfig('web.config', b);
          } catch (err) {
            assert.ok(err instanceof IngestError, `unexpected ${String(err)}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('config and event log: planted secrets never leak', () => {
  const SECRETS = [
    'S3cretIdentityPass!',
    'Pl@inT3xtDbPass',
    'pk_live_51HxQ2yTESTSECRETVALUE9',
    'Hunter2!Mail',
    'Rep0rtsPl4in!',
    'C50B3C89CB21F4F1422FF158A5B42D0E8DB8CB5CDA17',
    '8A9BE8FD67AF6979E7D20198CFEA50DD',
    'AKIA7QX2ZP9SECRETKEY42',
    'Tr0ub4dor&3',
    'Qw3rty!Conn',
  ];

  function assertClean(label: string, r: ParsedFile): void {
    const surfaces = [
      r.summary,
      r.redactedText ?? '',
      ...r.evidence.flatMap((e) => [e.value, e.excerpt, ...Object.values(e.attrs ?? {})]),
    ];
    for (const s of SECRETS)
      for (const text of surfaces) assert.ok(!text.includes(s), `${label} leaked ${s}`);
  }

  it('redacts every planted secret from config evidence, excerpts, attrs, summary and redactedText', () => {
    assertClean('web.config', parseConfig('web.config', load('web.config')));
    assertClean(
      'applicationHost.config',
      parseConfig('applicationHost.config', load('applicationHost.config')),
    );
    const extra = `<configuration><connectionStrings><add name="x" connectionString="Server=s;Uid=u;Pwd='Tr0ub4dor&amp;3';" /></connectionStrings><system.webServer><security><authentication><anonymousAuthentication userName="CONTOSO\\anon" password="Qw3rty!Conn" /></authentication></security></system.webServer></configuration>`;
    assertClean('inline', parseConfig('web.config', Buffer.from(extra)));
  });

  it('redacts secrets carried by event data (query-string keys, connection strings in exceptions)', () => {
    assertClean(
      'application log',
      parseEventLogXml('app.xml', load('../eventlog/application-aspnet-1309-sql-18456.xml')),
    );
    const ev = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="ASP.NET 4.0.30319.0"/><EventID>1310</EventID><Channel>Application</Channel></System><EventData><Data>3008</Data><Data>A configuration error has occurred.</Data><Data>Server=sql02;User Id=app;Password=Qw3rty!Conn;</Data></EventData></Event>`;
    assertClean('1310', parseEventLogXml('app2.xml', Buffer.from(ev)));
  });
});

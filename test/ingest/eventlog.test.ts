// Event-log XML parser: wevtutil (no root), Event Viewer (<Events>), UTF-16, positional data, codes, errors, fuzz.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Evidence } from '../../knowledge/types.js';
import { parseEventLogXml } from '../../knowledge/ingest/eventlog/index.js';
import { IngestError } from '../../knowledge/ingest/types.js';

const DIR = new URL('../fixtures/ingest/eventlog/', import.meta.url);
const REAL = new URL('../../../shared/reference/logs/eventlog-security-4624-4625-ipban.xml', import.meta.url);

function load(name: string): Buffer {
  return readFileSync(new URL(name, DIR));
}

function codes(ev: Evidence[], event: number): string[] {
  return ev.filter((e) => e.kind === 'code' && e.source.event === event).map((e) => e.value);
}

function events(ev: Evidence[]): string[] {
  return ev.filter((e) => e.kind === 'event').map((e) => e.value);
}

describe('eventlog: parseEventLogXml', () => {
  const table: {
    file: string;
    events: string[];
    codes: Record<number, string[]>;
    excerpt?: [number, string];
  }[] = [
    {
      file: 'security-4625-logon-type-not-granted.xml',
      events: ['4625', '4625'],
      codes: { 1: ['0xC000015B'], 2: ['0xC000006D', '0xC000006A'] },
      excerpt: [
        2,
        'event 2 (Security 4625): logon type 3 failed for CONTOSO\\alice, Status 0xC000006D SubStatus 0xC000006A, LogonProcess Advapi',
      ],
    },
    {
      file: 'dc-kerberos-failures.xml',
      events: ['4769', '4771', '4768', '11'],
      codes: { 1: ['KRB:0x0D'], 2: ['KRB:0x18'], 3: ['KRB:0x25'], 4: [] },
    },
    {
      file: 'system-kerberos-was-utf16le.xml',
      events: ['4', '5021', '5057', '5002'],
      codes: { 1: ['KRB:0x29'], 2: ['0x8007052E'], 3: [] },
    },
    { file: 'application-aspnet-1309-sql-18456.xml', events: ['1309', '18456'], codes: { 1: [], 2: [] } },
  ];
  for (const t of table) {
    it(`reads ${t.file}`, () => {
      const r = parseEventLogXml(t.file, load(t.file));
      assert.equal(r.format, 'eventlog-xml');
      assert.deepEqual(events(r.evidence), t.events);
      for (const [n, want] of Object.entries(t.codes))
        assert.deepEqual(codes(r.evidence, Number(n)), want, `event ${n}`);
      if (t.excerpt)
        assert.equal(
          r.evidence.find((e) => e.kind === 'event' && e.source.event === t.excerpt?.[0])?.excerpt,
          t.excerpt[1],
        );
      for (const e of r.evidence) assert.equal(e.source.file, t.file);
    });
  }

  it('puts every field plus Provider, Channel, Level, Computer and TimeCreated in attrs, inserts resolved', () => {
    const r = parseEventLogXml('sec.xml', load('security-4625-logon-type-not-granted.xml'));
    const a = r.evidence[0].attrs ?? {};
    assert.equal(a.Provider, 'Microsoft-Windows-Security-Auditing');
    assert.equal(a.Channel, 'Security');
    assert.equal(a.Level, '0');
    assert.equal(a.Computer, 'WEB01.contoso.com');
    assert.equal(a.TimeCreated, '2025-03-11T09:20:14.1234567Z');
    assert.equal(a.LogonType, '3');
    assert.equal(a.FailureReason, 'The user has not been granted the requested logon type at this machine.');
  });

  it('names positional ASP.NET 1309 data and reports the SQL login user and exception', () => {
    const r = parseEventLogXml('app.xml', load('application-aspnet-1309-sql-18456.xml'));
    const a = r.evidence.find((e) => e.value === '1309')?.attrs ?? {};
    assert.equal(a.ThreadAccountName, 'CONTOSO\\bob');
    assert.equal(a.IsImpersonating, 'True');
    assert.equal(a.ExceptionType, 'SqlException');
    const users = r.evidence.filter((e) => e.key === 'text.sql-login-failed-user').map((e) => e.value);
    assert.deepEqual(users, ['NT AUTHORITY\\ANONYMOUS LOGON', 'NT AUTHORITY\\ANONYMOUS LOGON']);
    assert.equal(r.evidence.find((e) => e.key === 'text.exception')?.value, 'SqlException');
  });

  it("names Application Error 1000's positional data and reads its exception code written without 0x", () => {
    const xml = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Application Error"/><EventID Qualifiers="0">1000</EventID><Level>2</Level><Channel>Application</Channel><Computer>APP04</Computer></System><EventData><Data>w3wp.exe</Data><Data>10.0.20348.1</Data><Data>c7bd2a1f</Data><Data>clr.dll</Data><Data>4.8.9277.0</Data><Data>66ea8c7a</Data><Data>c00000fd</Data><Data>000000000002a3f4</Data></EventData></Event>`;
    const r = parseEventLogXml('app.xml', Buffer.from(xml));
    const e = r.evidence.find((x) => x.kind === 'event');
    assert.equal(e?.attrs?.AppName, 'w3wp.exe');
    assert.equal(e?.attrs?.ExceptionCode, 'c00000fd');
    assert.deepEqual(codes(r.evidence, 1), ['0xC00000FD']);
    assert.match(e?.excerpt ?? '', /w3wp\.exe crashed in clr\.dll, exception 0xC00000FD/);
  });

  it('salvages a wevtutil export cut mid-event', () => {
    const r = parseEventLogXml('cut.xml', load('truncated-wevtutil.xml'));
    assert.deepEqual(events(r.evidence), ['4625', '4625']);
    assert.equal(r.evidence.find((e) => e.key === 'eventlog.truncated')?.value, 'true');
    assert.match(r.summary, /partial/);
  });

  (existsSync(REAL) ? it : it.skip)('parses the real wevtutil sample (5 events, no root element)', () => {
    const r = parseEventLogXml('ipban.xml', readFileSync(REAL));
    assert.deepEqual(events(r.evidence), ['4625', '4624', '4625', '4624', '4625']);
    assert.deepEqual(codes(r.evidence, 3), ['0xC000006D', '0xC000006A']);
    assert.equal(r.evidence.find((e) => e.value === '4624')?.attrs?.ImpersonationLevel, 'Impersonation');
    assert.equal(r.summary, 'Event log: 5 events (Security 4625 ×3, Security 4624 ×2)');
  });

  it('reads one bare <Event> and single-quoted attributes', () => {
    const one = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>4776</EventID><Channel>Security</Channel></System><EventData><Data Name='TargetUserName'>alice</Data><Data Name='Workstation'>WS1</Data><Data Name='Status'>0xc0000234</Data></EventData></Event>`;
    const r = parseEventLogXml('one.xml', Buffer.from(one));
    assert.deepEqual(codes(r.evidence, 1), ['0xC0000234']);
  });

  const bad: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['no events', '<Events></Events>', /no <Event> records/],
    ['junk', 'not xml at all', /no <Event> records found \(no XML elements in it\)/],
    ['broken markup', '<Event><System></Event>', /not well-formed XML at line 1/],
    [
      'billion laughs',
      '<!DOCTYPE Events [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Events>&b;</Events>',
      /refused/,
    ],
  ];
  for (const [label, text, pattern] of bad) {
    it(`refuses ${label} with an IngestError naming the file`, () => {
      assert.throws(
        () => parseEventLogXml('ev.xml', Buffer.from(text)),
        (e: unknown) => e instanceof IngestError && e.file === 'ev.xml' && pattern.test(e.message),
      );
    });
  }

  it('never throws anything but IngestError on random bytes or mutated exports (fuzz)', () => {
    const base = load('security-4625-logon-type-not-granted.xml');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
          fc
            .tuple(
              fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
              fc.nat(base.length),
            )
            .map(([edits, cut]) => {
              const b = Buffer.from(base.subarray(0, cut));
              for (const [i, v] of edits) if (i < b.length) b[i] = v;
              return b;
            }),
        ),
        (data) => {
          try {
            parseEventLogXml('fuzz.xml', data);
          } catch (err) {
            assert.ok(err instanceof IngestError, `unexpected ${String(err)}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

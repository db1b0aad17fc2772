// FREB parser: evidence per knowledge/FACTS.md on our fixtures and the real shared-hosting sample, timeline, errors.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Evidence } from '../../knowledge/types.js';
import { parseFreb } from '../../knowledge/ingest/freb/index.js';
import { IngestError } from '../../knowledge/ingest/types.js';

const DIR = new URL('../fixtures/ingest/freb/', import.meta.url);
const REAL = new URL('../../../shared/reference/logs/freb-404-shared-hosting-unlicense.xml', import.meta.url);

function load(name: string): Buffer {
  return readFileSync(new URL(name, DIR));
}

function value(ev: Evidence[], key: string): string | undefined {
  return ev.find((e) => e.key === key)?.value;
}

const CASES: { file: string; summary: string; facts: Record<string, string>; codes: string[] }[] = [
  {
    file: 'mbam-static-500-0x80070542.xml',
    summary:
      'FREB trace: GET /HelpDesk/Content/Site.css -> 500.0, ErrorCode 0x80070542 set by StaticFileModule',
    facts: {
      'freb.url.static': 'true',
      'freb.verb': 'GET',
      'freb.status': '500.0',
      'http.status': '500.0',
      'freb.error.module': 'StaticFileModule',
      'freb.error.notification': 'EXECUTE_REQUEST_HANDLER',
      'freb.error.code': '0x80070542',
      'freb.auth.type': 'Negotiate',
      'freb.auth.requested': 'Negotiate',
      'freb.auth.succeeded': 'true',
      'freb.auth.ntlmUsed': 'false',
      'freb.auth.impersonationLevel': 'Impersonation',
      'freb.token.user': 'CONTOSO\\alice',
      'freb.user': 'CONTOSO\\alice',
      'freb.apppool': 'HelpDeskPool',
      'freb.request.authorization': 'Negotiate-Kerberos',
      'freb.response.www-authenticate': 'Negotiate',
      'freb.file.user': 'CONTOSO\\alice',
    },
    codes: ['0x80070542'],
  },
  {
    file: 'integrated-identity-500-24.xml',
    summary:
      'FREB trace: GET /Portal/Default.aspx -> 500.24, ErrorCode 0x80070032 set by ConfigurationValidationModule',
    facts: {
      'freb.status': '500.24',
      'freb.error.module': 'ConfigurationValidationModule',
      'freb.error.notification': 'BEGIN_REQUEST',
      'freb.error.code': '0x80070032',
      'freb.url.static': 'false',
      'freb.auth.type': 'NOT_AVAILABLE',
      'freb.request.authorization': 'none',
    },
    codes: ['0x80070032'],
  },
  {
    file: 'kerberos-401-1.xml',
    summary: 'FREB trace: GET /Orders/List -> 401.1, ErrorCode 0x8009030C set by WindowsAuthenticationModule',
    facts: {
      'freb.status': '401.1',
      'freb.error.notification': 'AUTHENTICATE_REQUEST',
      'freb.auth.succeeded': 'false',
      'freb.auth.failed-event': 'AUTH_KERBEROS_FAILED',
      'freb.request.authorization': 'Negotiate-Kerberos',
      'freb.response.www-authenticate': 'Negotiate,NTLM',
    },
    codes: ['0x8009030C'],
  },
  {
    file: 'acl-401-3.xml',
    summary: 'FREB trace: GET /Reports/q1.pdf -> 401.3, ErrorCode 0x80070005 set by StaticFileModule',
    facts: {
      'freb.status': '401.3',
      'freb.file.user': 'NT AUTHORITY\\IUSR',
      'freb.token.user': 'NT AUTHORITY\\IUSR',
      'freb.auth.type': 'anonymous',
      'freb.auth.requested': 'Anonymous',
    },
    codes: ['0x80070005'],
  },
  {
    file: 'locked-section-500-19.xml',
    summary: 'FREB trace: GET / -> 500.19, ErrorCode 0x80070021 set by IIS Web Core',
    facts: { 'freb.status': '500.19', 'freb.error.module': 'IIS Web Core', 'freb.error.code': '0x80070021' },
    codes: ['0x80070021'],
  },
  {
    file: 'double-hop-ntlm-500.xml',
    summary: 'FREB trace: GET /Orders/Customers -> 500.0, ErrorCode 0x80131500 set by ManagedPipelineHandler',
    facts: {
      'freb.auth.ntlmUsed': 'true',
      'freb.request.authorization': 'Negotiate-NTLM',
      'freb.error.module': 'ManagedPipelineHandler',
      'text.sql-login-failed-user': 'NT AUTHORITY\\ANONYMOUS LOGON',
      'text.exception': 'System.Data.SqlClient.SqlException',
    },
    codes: ['0x80131500'],
  },
];

describe('freb: parseFreb', () => {
  for (const c of CASES) {
    it(`reads ${c.file}`, () => {
      const r = parseFreb(c.file, load(c.file));
      assert.equal(r.format, 'freb');
      assert.equal(r.summary, c.summary);
      for (const [k, v] of Object.entries(c.facts)) assert.equal(value(r.evidence, k), v, k);
      assert.deepEqual(
        r.evidence.filter((e) => e.kind === 'code').map((e) => e.value),
        c.codes,
      );
      for (const e of r.evidence) {
        assert.equal(e.source.file, c.file);
        assert.ok(e.excerpt.length > 0 && e.excerpt.length <= 300, `excerpt of ${e.key}`);
      }
    });
  }

  it('cites the error event with a readable excerpt and win32 on the status', () => {
    const r = parseFreb('fr000041.xml', load('mbam-static-500-0x80070542.xml'));
    const code = r.evidence.find((e) => e.key === 'freb.error.code');
    assert.deepEqual(code?.source, { file: 'fr000041.xml', event: 18 });
    assert.equal(
      code?.excerpt,
      'event 18: MODULE_SET_RESPONSE_ERROR_STATUS StaticFileModule 500.0 ErrorCode 0x80070542 (EXECUTE_REQUEST_HANDLER)',
    );
    assert.equal(r.evidence.find((e) => e.kind === 'status')?.attrs?.win32, '1346');
  });

  it('reports the 500.19 ConfigExceptionInfo text', () => {
    const r = parseFreb('fr.xml', load('locked-section-500-19.xml'));
    assert.match(
      value(r.evidence, 'freb.config.exception') ?? '',
      /This configuration section cannot be used at this path/,
    );
  });

  it('keeps Authorization scheme and size, never the token', () => {
    const data = load('mbam-static-500-0x80070542.xml');
    const token = /Authorization: Negotiate (\S+)/.exec(data.toString('utf8'))?.[1] ?? '';
    assert.ok(token.startsWith('YII'));
    const r = parseFreb('fr.xml', data);
    assert.ok(Number(value(r.evidence, 'freb.request.authorization.bytes')) > 2000);
    const everything = JSON.stringify(r);
    assert.ok(!everything.includes(token.slice(0, 40)), 'token leaked');
  });

  it('builds a timeline with module durations and the failing step marked', () => {
    const r = parseFreb('fr.xml', load('mbam-static-500-0x80070542.xml'));
    const t = r.timeline;
    assert.ok(t);
    assert.equal(t.status, '500.0');
    assert.equal(t.timeTakenMs, 31);
    const failing = t.steps.filter((s) => s.failed).map((s) => `${s.kind}:${s.name}`);
    assert.deepEqual(failing, ['module:StaticFileModule', 'error:StaticFileModule']);
    const sf = t.steps.find((s) => s.kind === 'module' && s.name === 'StaticFileModule');
    assert.equal(sf?.durationMs, 22);
    assert.ok(t.steps.some((s) => s.kind === 'auth' && s.name === 'AUTH_SUCCEEDED'));
  });

  it('salvages a file cut mid-event and flags it truncated', () => {
    const r = parseFreb('cut.xml', load('truncated-mid-event.xml'));
    assert.equal(value(r.evidence, 'freb.error.code'), '0x80070542');
    const t = r.evidence.find((e) => e.key === 'freb.truncated');
    assert.equal(t?.value, 'true');
    assert.equal(t?.attrs?.cause, 'file-cut');
    assert.match(r.summary, /partial/);
  });

  it('reports LOG_FILE_MAX_SIZE_TRUNCATE and redacts query-string passwords and cookies', () => {
    const r = parseFreb('fr.xml', load('max-size-truncate.xml'));
    assert.equal(
      r.evidence.find((e) => e.key === 'freb.truncated')?.attrs?.cause,
      'LOG_FILE_MAX_SIZE_TRUNCATE',
    );
    const everything = JSON.stringify(r);
    assert.ok(!everything.includes('Sup3rS3cret!'));
    assert.ok(!everything.includes('9F3C2B1A7E6D5C4B3A29181716151413121110'));
    assert.ok((r.redactions.cookie ?? 0) >= 1);
  });

  (existsSync(REAL) ? it : it.skip)('parses the real shared-hosting 404 trace', () => {
    const r = parseFreb('fr000001.xml', readFileSync(REAL));
    assert.equal(
      r.summary,
      'FREB trace: GET /coi-serviceworker.js -> 404.0, ErrorCode 0x80070002 set by IIS Web Core',
    );
    assert.equal(value(r.evidence, 'freb.error.module'), 'IIS Web Core');
    assert.equal(value(r.evidence, 'freb.error.notification'), 'MAP_REQUEST_HANDLER');
    assert.equal(value(r.evidence, 'freb.token.user'), 'ASPHOST920\\IWPD_1336(Implicate)');
    assert.equal(value(r.evidence, 'freb.auth.type'), 'anonymous');
    assert.equal(value(r.evidence, 'freb.request.authorization'), 'none');
    assert.ok((r.timeline?.steps.length ?? 0) > 10);
  });

  const bad: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['not a trace', '<configuration/>', /not a Failed Request Tracing file/],
    [
      'cut before any event',
      '<?xml version="1.0"?>\n<failedRequest url="http://h/" statusCode="500">\n<Event><System>',
      /not well-formed/,
    ],
    [
      'DOCTYPE',
      '<!DOCTYPE failedRequest [<!ENTITY x SYSTEM "file:///etc/passwd">]><failedRequest>&x;</failedRequest>',
      /refused/,
    ],
  ];
  for (const [label, text, pattern] of bad) {
    it(`refuses ${label} with an IngestError naming the file`, () => {
      assert.throws(
        () => parseFreb('fr9.xml', Buffer.from(text)),
        (e: unknown) => e instanceof IngestError && e.file === 'fr9.xml' && pattern.test(e.message),
      );
    });
  }

  it('never throws anything but IngestError on mutated traces (fuzz)', () => {
    const base = load('integrated-identity-500-24.xml');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(base.length),
        (edits, cut) => {
          const b = Buffer.from(base.subarray(0, Math.max(cut, 1)));
          for (const [i, v] of edits) if (i < b.length) b[i] = v;
          try {
            parseFreb('fuzz.xml', b);
          } catch (err) {
            assert.ok(err instanceof IngestError, `unexpected ${String(err)}`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('freb: an ASP.NET error page in the response buffer', () => {
  // A blind-written trace (set r): the yellow screen of a fixed <identity> whose password no longer works, with the
  // web.config line (and its plaintext password) quoted twice escaped inside GENERAL_RESPONSE_ENTITY_BUFFER.
  const TRACE = new URL('../fixtures/cases-r/intranet-config-error-after-weekend-06/fr000014.xml', import.meta.url);

  it('keeps the page as a document the text signatures read, and the password out of everything it keeps', async () => {
    const { ingestFiles } = await import('../../knowledge/ingest/index.js');
    const r = await ingestFiles([{ name: 'fr000014.xml', data: readFileSync(TRACE) }]);
    const page = r.evidence.find((e) => e.key === 'text.document');
    assert.ok(page, 'the error page is a text document');
    assert.match(page.value, /Could not create Windows user token from the credentials specified in the config file/);
    assert.ok(page.source.event !== undefined, 'cited at its trace event');
    assert.ok(!JSON.stringify(r).includes('Wint3r'), 'the plaintext password is redacted everywhere, the kept trace text included');
  });

  it('makes no document of an IIS status page', () => {
    const evidence = parseFreb('fr.xml', load('mbam-static-500-0x80070542.xml')).evidence;
    assert.ok(evidence.some((e) => e.key === 'freb.response.body'), 'the trace has a response page');
    assert.ok(!evidence.some((e) => e.key === 'text.document'));
  });
});

describe('freb: where the request came from', () => {
  it('says whether the traced request came from the server itself, from the endpoint event', () => {
    const fact = (xml: Buffer) => parseFreb('fr.xml', xml).evidence.find((e) => e.key === 'freb.request.from-server-itself')?.value;
    const remote = load('kerberos-401-1.xml');
    assert.equal(fact(remote), 'false');
    const local = Buffer.from(remote.toString('utf8').replace(/<Data Name="RemoteAddress">[^<]*</, '<Data Name="RemoteAddress">10.20.1.15<'));
    assert.equal(fact(local), 'true');
    const loopback = Buffer.from(remote.toString('utf8').replace(/<Data Name="RemoteAddress">[^<]*</, '<Data Name="RemoteAddress">::1<'));
    assert.equal(fact(loopback), 'true');
  });
});

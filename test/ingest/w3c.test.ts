import { strict as assert } from 'node:assert';
import { parseW3c, parseW3cStream } from '../../knowledge/ingest/w3c/index.js';
import { chunked, find, fixture, hasReference, reference, values } from './helpers.js';

const table: { file: string; patterns: string[]; absent: string[]; statuses: string[]; codes: string[] }[] = [
  {
    file: 'w3c/mbam-only-index-500-1346.log',
    patterns: ['w3c.only-static-index-succeeds', 'w3c.auth-handshake-ok'],
    absent: ['w3c.all-requests-500', 'w3c.auth-never-succeeds'],
    statuses: ['401.2', '200.0', '500.0'],
    codes: ['0x80070542'],
  },
  {
    file: 'w3c/auth-401-1-loop.log',
    patterns: ['w3c.auth-never-succeeds', 'w3c.auth-credentials-rejected'],
    absent: ['w3c.auth-handshake-ok', 'w3c.loopback-only-failures', 'w3c.auth-no-credentials-sent'],
    statuses: ['401.2', '401.1'],
    codes: ['0x8009030E'],
  },
  {
    file: 'w3c/loopback-401-1.log',
    patterns: ['w3c.loopback-only-failures', 'w3c.401-3', 'w3c.auth-handshake-ok'],
    absent: ['w3c.only-static-index-succeeds'],
    statuses: ['401.1', '401.3'],
    codes: ['0x8007052E'],
  },
];

describe('ingest/w3c', () => {
  for (const t of table) {
    it(`reads ${t.file}: ${t.patterns.join(', ')}`, async () => {
      const r = await parseW3c(t.file, fixture(t.file));
      const patterns = values(r.evidence, 'pattern');
      for (const p of t.patterns) assert.ok(patterns.includes(p), `${p} missing from ${patterns}`);
      for (const p of t.absent) assert.ok(!patterns.includes(p), `${p} should not be found`);
      for (const s of t.statuses) assert.ok(values(r.evidence, 'http.status').includes(s), s);
      for (const c of t.codes) assert.ok(values(r.evidence, 'code').includes(c), c);
      for (const e of r.evidence) {
        assert.equal(e.source.file, t.file);
        assert.ok(e.source.line && e.source.line > 4, 'cites a data line');
      }
    });
  }

  it('cites the first failing line with counts for the MBAM pattern', async () => {
    const r = await parseW3c('u_ex.log', fixture('w3c/mbam-only-index-500-1346.log'));
    const p = find(r.evidence, 'pattern', 'w3c.only-static-index-succeeds')!;
    assert.equal(p.source.line, 7);
    assert.match(p.excerpt, /Site\.css .* 500 0 1346/);
    assert.equal(p.attrs?.win32, '1346');
    assert.equal(p.attrs?.failures, '6');
    const s = r.evidence.find((e) => e.value === '500.0')!;
    assert.deepEqual(s.attrs, { count: '6', win32: '1346' });
    assert.equal(find(r.evidence, 'code', '0x80070542')?.attrs?.count, '6');
  });

  it('tells clients that never answer the challenge from clients whose credentials are refused', async () => {
    const head = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n';
    const line = (client: string, status: string) => `2026-11-30 09:00:00 10.0.0.5 GET /hr/ - 443 - ${client} Mozilla/5.0 ${status} 15\n`;
    const log = head + line('10.0.2.1', '401 2 5').repeat(4) + line('10.0.2.2', '401 2 5') + line('10.0.2.2', '401 1 2148074254') + line('10.0.2.3', '401 2 5').repeat(2);
    const r = await parseW3c('u_ex.log', Buffer.from(log));
    const byId = (id: string) => r.evidence.find((e) => e.key === 'pattern' && e.value === id);
    assert.equal(byId('w3c.auth-no-credentials-sent')?.attrs?.clients, '1', 'only 10.0.2.1: 10.0.2.3 was challenged twice, too few to call');
    assert.equal(byId('w3c.auth-no-credentials-sent')?.source.line, 2);
    assert.equal(byId('w3c.auth-credentials-rejected')?.attrs?.clients, '1');
    assert.equal(byId('w3c.auth-credentials-rejected')?.attrs?.count, '1');
  });

  it('does not turn the normal "401 2 5" challenge into an access-denied code', async () => {
    const r = await parseW3c('u_ex.log', fixture('w3c/mbam-only-index-500-1346.log'));
    assert.ok(!values(r.evidence, 'code').includes('0x80070005'));
  });

  it('decodes SSPI HRESULTs written as unsigned decimals', async () => {
    const log = '#Fields: date time c-ip cs-uri-stem sc-status sc-substatus sc-win32-status\n2024-01-01 00:00:00 10.0.0.1 / 401 1 2148074254\n';
    const r = await parseW3c('x.log', log);
    assert.deepEqual(values(r.evidence, 'code'), ['0x8009030E']);
  });

  it('follows #Fields blocks that change order mid-file, CRLF or LF', async () => {
    const log = [
      '#Software: Microsoft Internet Information Services 10.0',
      '#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status c-ip cs-username',
      '2024-01-01 00:00:00 /a 500 0 1346 10.0.0.1 -',
      '#Fields: sc-win32-status sc-substatus sc-status cs-uri-stem c-ip cs-username',
      '5 3 401 /b 10.0.0.2 DOM\\x+y',
    ].join('\r\n');
    const r = await parseW3c('x.log', log);
    assert.deepEqual(values(r.evidence, 'http.status').sort(), ['401.3', '500.0']);
    assert.deepEqual(values(r.evidence, 'w3c.user'), ['DOM\\x y']);
    assert.equal(find(r.evidence, 'pattern', 'w3c.401-3')?.source.line, 5);
  });

  it('gives the same evidence however the stream is chunked', async () => {
    const data = fixture('w3c/loopback-401-1.log');
    const whole = await parseW3c('x.log', data);
    for (const size of [1, 7, 64]) {
      const r = await parseW3cStream('x.log', chunked(data, size));
      assert.deepEqual(r.evidence, whole.evidence, `chunk size ${size}`);
    }
  });

  it('redacts query-string secrets in excerpts and redactedText', async () => {
    const r = await parseW3c('x.log', fixture('w3c/loopback-401-1.log'));
    const all = JSON.stringify(r);
    assert.ok(!all.includes('SECRETTOKEN123abc') && !all.includes('SECRETCODE999'));
    assert.ok((r.redactions['url token'] ?? 0) >= 2);
  });

  it('keeps memory bounded: distinct URLs and users past the caps are counted, not kept', async () => {
    async function* many(): AsyncIterable<string> {
      yield '#Fields: cs-uri-stem cs-username c-ip sc-status sc-substatus sc-win32-status\n';
      for (let i = 0; i < 20_000; i++) yield `/p${i} DOM\\u${i} 10.${i >> 16}.${(i >> 8) & 255}.${i & 255} 200 0 0\n`;
    }
    const r = await parseW3cStream('big.log', many());
    assert.equal(find(r.evidence, 'http.status', '200.0')?.attrs?.count, '20000');
    assert.ok(values(r.evidence, 'w3c.user').length <= 50);
  });

  (hasReference ? it : it.skip)('reads the real IIS 8.5 handshake log: handshake ok, not never-succeeds', async () => {
    const r = await parseW3c('w3c-iis85.log', reference('w3c-iis85-windowsauth-401.2-handshake.log'));
    const patterns = values(r.evidence, 'pattern');
    assert.ok(patterns.includes('w3c.auth-handshake-ok'));
    assert.ok(!patterns.includes('w3c.auth-never-succeeds'));
    assert.deepEqual(values(r.evidence, 'w3c.user').sort(), ['DOMAIN\\user1', 'DOMAIN\\user2']);
    assert.equal(find(r.evidence, 'http.status', '401.2')?.attrs?.count, '4');
    assert.equal(find(r.evidence, 'pattern', 'w3c.auth-handshake-ok')?.source.line, 7);
  });
});

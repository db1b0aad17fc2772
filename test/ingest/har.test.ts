import { strict as assert } from 'node:assert';
import { parseHar } from '../../knowledge/ingest/har/index.js';
import { IngestError } from '../../knowledge/ingest/types.js';
import { find, fixture, hasReference, reference, values } from './helpers.js';

describe('ingest/har', () => {
  it('finds NTLM-only auth that never succeeds, citing the entry by JSON path', () => {
    const r = parseHar('ntlm.har', fixture('har/ntlm-only-never-succeeds.har'));
    assert.deepEqual(values(r.evidence, 'pattern').sort(), ['har.auth-never-succeeds', 'har.ntlm-only']);
    assert.equal(find(r.evidence, 'pattern', 'har.ntlm-only')?.source.path, 'log.entries[1]');
    assert.ok(values(r.evidence, 'har.www-authenticate').includes('Negotiate,NTLM'));
    assert.deepEqual(values(r.evidence, 'har.request.authorization'), ['NTLM']);
    assert.equal(find(r.evidence, 'http.status', '401.0')?.attrs?.count, '3');
  });

  it('finds a page whose sub-resources fail with 500, and reads the YSOD bodies', () => {
    const r = parseHar('sub.har', fixture('har/subresources-500.har'));
    assert.ok(values(r.evidence, 'pattern').includes('har.only-index-succeeds'));
    assert.deepEqual(values(r.evidence, 'har.request.authorization'), ['Negotiate-Kerberos']);
    const code = find(r.evidence, 'code', '0x80070542');
    assert.equal(code?.source.path, 'log.entries[1].response.content.text');
  });

  it('does not read 401s that offer only Bearer as a Windows logon that never succeeds', () => {
    const entry = (status: number, auth: string) => ({
      startedDateTime: '2026-12-09T10:00:00.000Z',
      time: 10,
      request: { method: 'GET', url: 'https://api.example.com/v1/orders', httpVersion: 'HTTP/1.1', headers: [{ name: 'Authorization', value: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln' }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: auth ? [{ name: 'WWW-Authenticate', value: auth }] : [], cookies: [], content: { size: 0, mimeType: 'application/json' }, redirectURL: '', headersSize: -1, bodySize: 0 },
      cache: {},
      timings: { send: 0, wait: 10, receive: 0 },
    });
    const har = { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [entry(200, ''), entry(401, 'Bearer error="invalid_token"')] } };
    const r = parseHar('api.har', Buffer.from(JSON.stringify(har)));
    assert.deepEqual(values(r.evidence, 'pattern'), []);
    assert.deepEqual(values(r.evidence, 'har.www-authenticate'), ['Bearer']);
  });

  it('never keeps auth blobs or cookies', () => {
    for (const f of ['har/ntlm-only-never-succeeds.har', 'har/subresources-500.har']) {
      const all = JSON.stringify(parseHar(f, fixture(f)));
      assert.ok(!/TlRMTVNTUAAB|TlRMTVNTUAAD|YIIHTg|SESSIONSECRET42/.test(all), f);
    }
  });

  it('refuses JSON that is not a HAR, naming the file', () => {
    assert.throws(() => parseHar('x.har', Buffer.from('{"log":{}}')), (e: unknown) => e instanceof IngestError && /x\.har: not a HAR/.test(e.message));
    assert.throws(() => parseHar('y.har', Buffer.from('{"log": [')), (e: unknown) => e instanceof IngestError && /y\.har: not valid JSON/.test(e.message));
  });

  (hasReference ? it : it.skip)('parses the real Chrome HAR export', () => {
    const r = parseHar('chrome.har', reference('har-chrome-browsertime-http11.har'));
    assert.equal(r.format, 'har');
    assert.match(r.summary, /13 requests, 0 failed/);
    assert.deepEqual(values(r.evidence, 'pattern'), []);
    assert.ok(r.redactedText && JSON.parse(r.redactedText.replace(/\n\[\.\.\. truncated\]$/, '')));
  });
});

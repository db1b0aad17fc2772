// Reports over HTTP: created by the conversation through createReport, read by anyone holding the unguessable link.
import assert from 'node:assert/strict';
import { InMemoryStorage } from '../../bot/store/index.js';
import { createReport, isReportId, StorageReportStore } from '../../bot/reports/index.js';
import { startChannelServer, type ChannelServer } from '../directline/helpers/channel-server.js';
import { mbamReport } from './report-fixtures.js';

describe('report pages', () => {
  let server: ChannelServer;
  before(async () => {
    server = await startChannelServer();
  });
  after(async () => {
    await server.close();
  });

  it('creates a report behind a 128-bit random id and serves it as a locked-down page', async () => {
    const url = await createReport(server.reports, await mbamReport(), server.url);
    const id = url.split('/').pop() ?? '';
    assert.ok(isReportId(id));
    assert.equal(Buffer.from(id.slice(9), 'base64url').length, 16, 'after the time prefix: 128 random bits');
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.ok(!/script-src/.test(csp));
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const page = await res.text();
    assert.match(page, /SeImpersonatePrivilege/);
    assert.match(page, /<svg/);
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && page.includes(`<style nonce="${nonce}">`));
  });

  it('answers 404 for unknown and malformed ids', async () => {
    assert.equal((await fetch(`${server.url}/reports/AAAAAAAAAAAAAAAAAAAAAA`)).status, 404);
    assert.equal((await fetch(`${server.url}/reports/..%2F..%2Fetc`)).status, 404);
  });

  it('keeps reports in the bot storage and forgets them after the retention period', async () => {
    const storage = new InMemoryStorage();
    let now = new Date('2025-01-01T00:00:00Z');
    const store = new StorageReportStore(storage, { retentionMs: 1000, now: () => now });
    const id = await store.create(await mbamReport());
    assert.ok(
      await new StorageReportStore(storage, { now: () => now }).get(id),
      'another store on the same storage reads it',
    );
    now = new Date('2025-01-01T00:00:02Z');
    assert.equal(await store.get(id), undefined);
  });
});

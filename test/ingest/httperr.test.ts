import { strict as assert } from 'node:assert';
import { parseHttpErr } from '../../knowledge/ingest/httperr/index.js';
import { find, fixture, values } from './helpers.js';

describe('ingest/httperr', () => {
  const table = [
    { file: 'httperr/httperr-appoffline.log', pattern: 'httperr.app-offline', reasons: ['AppOffline', 'Disabled', 'Timer_ConnectionIdle'], status: '503.0' },
    { file: 'httperr/httperr-fieldlength.log', pattern: 'httperr.header-too-long', reasons: ['FieldLength', 'RequestLength'], status: '400.0' },
  ];
  for (const t of table) {
    it(`reads ${t.file}: ${t.pattern}`, async () => {
      const r = await parseHttpErr(t.file, fixture(t.file));
      assert.equal(r.format, 'httperr');
      assert.deepEqual(values(r.evidence, 'pattern'), [t.pattern]);
      assert.deepEqual(values(r.evidence, 'httperr.reason').sort(), [...t.reasons].sort());
      assert.ok(values(r.evidence, 'http.status').includes(t.status));
      assert.equal(find(r.evidence, 'pattern', t.pattern)?.source.line, 5);
    });
  }

  it('names the application pool queue of the AppOffline 503s', async () => {
    const r = await parseHttpErr('h.log', fixture('httperr/httperr-appoffline.log'));
    assert.equal(find(r.evidence, 'pattern', 'httperr.app-offline')?.attrs?.queues, 'MBAMAppPool');
    assert.deepEqual(find(r.evidence, 'httperr.reason', 'AppOffline')?.attrs, { count: '2', status: '503', queue: 'MBAMAppPool' });
    assert.ok(!JSON.stringify(r).includes('SECRETSIG123'));
  });

  it('reads QueueFull 503s as a full request queue, not as a stopped pool', async () => {
    const log = [
      '#Software: Microsoft HTTP API 2.0',
      '#Version: 1.0',
      '#Date: 2026-12-09 07:00:01',
      '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename',
      '2026-12-09 07:30:05 10.77.51.174 58286 10.77.2.18 443 HTTP/1.1 GET /api/payments - 503 2 QueueFull OnlineBanking',
      '2026-12-09 07:30:11 10.77.42.96 51671 10.77.2.18 443 HTTP/1.1 GET /api/accounts - 503 2 QueueFull OnlineBanking',
    ].join('\r\n');
    const r = await parseHttpErr('httperr1.log', Buffer.from(log));
    assert.deepEqual(values(r.evidence, 'pattern'), []);
    assert.equal(find(r.evidence, 'httperr.reason', 'QueueFull')?.attrs?.count, '2');
  });
});

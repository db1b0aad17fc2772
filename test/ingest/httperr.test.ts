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
});

import assert from 'node:assert/strict';
import { isReportId, newReportId } from '../../bot/reports/index.js';

describe('report ids', () => {
  it('are the creation time and 22 base64url characters of randomness, and never repeat, also across refills of the random pool', () => {
    const before = Date.now();
    const ids = Array.from({ length: 1000 }, () => newReportId());
    for (const id of ids) {
      assert.ok(isReportId(id), id);
      assert.match(id, /^[0-9a-z]{9}[A-Za-z0-9_-]{22}$/);
      assert.ok(parseInt(id.slice(0, 9), 36) >= before);
    }
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(ids.map((id) => id.slice(9))).size, ids.length, 'the random part alone is unique');
  });

  it('sort in creation order, so the store appends new reports', async () => {
    const first = newReportId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = newReportId();
    assert.ok(first < later);
  });

  it('accepts ids made before the time prefix and refuses anything else', () => {
    assert.ok(isReportId('AbCdEfGhIjKlMnOpQrStUv'));
    for (const bad of ['', 'short', '../../etc/passwd', 'AbCdEfGhIjKlMnOpQrStUv/', 'MIXEDCASE' + 'AbCdEfGhIjKlMnOpQrStUv', '0'.repeat(8) + 'AbCdEfGhIjKlMnOpQrStUv'])
      assert.equal(isReportId(bad), false, bad);
  });
});

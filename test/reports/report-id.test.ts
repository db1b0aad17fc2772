import assert from 'node:assert/strict';
import { isReportId, newReportId } from '../../bot/reports/index.js';

describe('report ids', () => {
  it('are 22 base64url characters and never repeat, also across refills of the random pool', () => {
    const ids = Array.from({ length: 1000 }, () => newReportId());
    for (const id of ids) assert.ok(isReportId(id), id);
    assert.equal(new Set(ids).size, ids.length);
  });
});

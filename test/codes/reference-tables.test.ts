// Checks our tables against the shared reference tables (../shared/reference/tables), which CI always has.
// The suite registers its tests only when the folder exists, and says so when it does not.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalCode, decodeCode, decodeStatus, describeEvent } from '../../knowledge/codes/index.js';

const tables = fileURLToPath(new URL('../../../shared/reference/tables/', import.meta.url));

function rows(file: string): string[][] {
  return readFileSync(tables + file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

if (!existsSync(tables)) {
  console.log(`reference tables not found at ${tables}: skipping the reference-table checks (CI has them)`);
} else {
  describe('codes agree with the shared reference tables', () => {
    it('decodes every row of error-codes.tsv, by hex, decimal and name, to that name', () => {
      for (const [hex, dec, rawName] of rows('error-codes.tsv')) {
        const name = rawName.replace(' (as HRESULT_FROM_WIN32)', '');
        const hint = /^(KDC|KRB)_/.test(name) ? 'kerberos' : undefined;
        const expected = canonicalCode(hex, hint);
        const label = `${hex} ${name}`;
        if (name === 'ERROR_SUCCESS') continue;
        assert.ok(expected, label);
        assert.equal(canonicalCode(dec, hint), expected, `${label}: decimal ${dec}`);
        const byName = decodeCode(name);
        assert.ok(byName, `${label}: name does not decode`);
        assert.equal(byName.canonical, expected, `${label}: name`);
        const decoded = hint ? decodeCode(expected) : decodeCode(hex);
        assert.ok(decoded, label);
        const names = [decoded.name, ...decoded.details.filter((d) => d.startsWith('Also named: ')).flatMap((d) => d.slice(12).split(', '))];
        assert.ok(names.includes(name), `${label}: decoded as ${decoded.name}`);
        assert.ok(decoded.message.length > 0, label);
      }
    });

    it('knows every status.substatus of iis-substatus.tsv', () => {
      for (const [status, substatus] of rows('iis-substatus.tsv')) {
        const d = decodeStatus(`${status}.${substatus}`);
        assert.ok(d, `${status}.${substatus}`);
        assert.doesNotMatch(d.message, /not in our IIS table/, `${status}.${substatus}`);
      }
    });

    it('describes every event id of event-ids.tsv', () => {
      for (const row of rows('event-ids.tsv')) {
        for (const id of row[2].split('/').map((s) => s.trim())) {
          const ev = describeEvent(id);
          assert.ok(ev, `event ${id}`);
          assert.ok(row[0].startsWith(ev.channel), `event ${id}: channel ${ev.channel} vs ${row[0]}`);
        }
      }
    });
  });
}

// The W3C hot path's helpers against plain reference implementations: the per-#Fields regex, the JS string index.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BoundedMap, FieldMap, decodeValue } from '../../knowledge/ingest/w3c/index.js';
import { LineShape, fieldAt, lineRegex, type Row } from '../../knowledge/ingest/w3c/pick.js';
import { StringIndex } from '../../knowledge/ingest/w3c/string-index.js';

/** What LineShape.read must produce, the obvious way: split on every space. */
function reference(fields: FieldMap, line: string): Row | null {
  const parts = line.split(' ');
  const at = (name: string) => (fields.col(name) >= 0 ? parts[fields.col(name)] : undefined);
  const status = at('sc-status');
  if (status === undefined || !/^[0-9]{3}$/.test(status)) return null;
  const sub = decodeValue(at('sc-substatus'));
  return {
    status,
    sub,
    win32: decodeValue(at('sc-win32-status')),
    stem: decodeValue(at('cs-uri-stem')),
    user: decodeValue(at('cs-username')),
    clientIp: decodeValue(at('c-ip')),
    serverIp: status === '401' && sub === '1' ? decodeValue(at('s-ip')) : '',
  };
}

const LAYOUTS = [
  // IIS default: the status triple is adjacent, so the regex captures it as one text.
  'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  'sc-win32-status sc-substatus sc-status cs-uri-stem c-ip cs-username s-ip',
  'sc-status',
  'cs-uri-stem sc-status sc-substatus',
  'date c-ip',
];
const token = fc.oneof(fc.constantFrom('', '-', '+', '401', '1', '2', '500', '0', '1346', '/a', 'DOM\\u+x', '::1', 'é', '\t', '\r'), fc.string({ maxLength: 4 }));

describe('ingest/w3c pick', () => {
  it('reads the same columns as splitting on every space, for any line and layout', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAYOUTS), fc.array(fc.array(token, { maxLength: 18 }), { minLength: 1, maxLength: 8 }), (layout, lines) => {
        const fields = new FieldMap(layout.split(' '));
        const shape = new LineShape(fields);
        for (const parts of lines) {
          const line = parts.join(' ');
          const row: Row = { status: '', sub: '', win32: '', stem: '', user: '', clientIp: '', serverIp: '' };
          const ok = shape.read(line, row);
          const want = reference(fields, line);
          assert.equal(ok, want !== null, line);
          if (want) assert.deepEqual(row, want, line);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('builds one regex per layout, grouping an adjacent status triple, and none past the column limit', () => {
    assert.equal(lineRegex([1, 3])?.source, '^[^ ]* ([^ ]*) [^ ]* ([^ ]*)');
    assert.equal(lineRegex([0, 2], 2)?.source, '^([^ ]*) [^ ]* ([^ ]* [^ ]* [^ ]*)');
    assert.equal(lineRegex([]), null);
    assert.equal(lineRegex([1000]), null);
  });

  it('cuts single fields like split(" ")', () => {
    for (const line of ['a b c', 'a  b ', '', ' x'])
      for (let c = 0; c < 4; c++) assert.equal(fieldAt(line, c), line.split(' ')[c], `${JSON.stringify(line)} ${c}`);
  });
});

describe('ingest/w3c string index', () => {
  it('finds what a Map finds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat()), { maxLength: 60 }), fc.array(fc.string({ maxLength: 6 })), (pairs, probes) => {
        const index = new StringIndex<number>(64);
        const map = new Map<string, number>();
        for (const [k, v] of pairs) {
          index.set(k, v);
          map.set(k, v);
        }
        for (const k of [...map.keys(), ...probes]) assert.equal(index.get(k), map.get(k));
      }),
    );
  });

  it('keeps BoundedMap exact at its cap: first keys kept in order, the rest counted', () => {
    const m = new BoundedMap<string, number>(3);
    for (const k of ['a', 'b', 'a', 'c', 'd', 'e', 'b', 'd']) {
      const v = m.get(k);
      if (v === undefined) m.tryAdd(k, 1);
    }
    assert.deepEqual([...m.entries()], [['a', 1], ['b', 1], ['c', 1]]);
    assert.equal(m.overflow, 3);
    assert.equal(m.get('d'), undefined);
    assert.equal(m.upsert('zz', () => 9), undefined);
    assert.equal(m.overflow, 4);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { causeReply } from '../../bot/cards/index.js';
import { jsonBytes, jsonStringBytes } from '../../bot/cards/json-size.js';
import { addMessage, diagnose, emptyCase } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

const utf8JsonBytes = (value: unknown): number | undefined => {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? undefined : Buffer.byteLength(json, 'utf8');
};

describe('bot/cards/json-size', () => {
  it('counts every kind of string the way JSON.stringify and UTF-8 write it', () => {
    const samples = ['', 'plain', 'quote " and \\ backslash', 'tab\tnew\nline\r\b\f', '\u0000\u001f\u007f', 'C1 \u0085\u009f', 'pair and lone \ud83d\ude00\ud83d', 'é — … •', '😀 pair', '\ud800 lone high', 'lone low \udc00', '\u2028\u2029', '\udc00\ud800'];
    for (const s of samples) assert.equal(jsonStringBytes(s), utf8JsonBytes(s), JSON.stringify(s));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string()), (s) => {
        assert.equal(jsonStringBytes(s), utf8JsonBytes(s));
      }),
      { numRuns: 500 },
    );
  });

  it('counts any JSON value, with undefined members and array items, as JSON.stringify writes it', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(tie('any'), { maxLength: 5 }),
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('any'), { maxKeys: 5 }),
        fc.date(),
      ),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        assert.equal(jsonBytes(v), utf8JsonBytes(v));
      }),
      { numRuns: 500 },
    );
  });

  it('measures a real cause card exactly', () => {
    const kb = bundledKnowledgeBase();
    const c = addMessage(emptyCase(), 'Static files return HTTP 500.0 with 0x80070542 since we enabled ASP.NET impersonation — “quoted” …');
    const d = diagnose(kb, c);
    const { card } = causeReply({ hypothesis: d.hypotheses[0], rank: 1, total: d.hypotheses.length, codes: d.codes, reportUrl: 'http://127.0.0.1:3978/reports/abc' });
    assert.equal(jsonBytes(card), utf8JsonBytes(card));
  });
});

// Property tests: random and mutated inputs never throw past ingestFiles and never hang the parsers.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { detectFormat } from '../../knowledge/ingest/detect/index.js';
import { ingestFiles } from '../../knowledge/ingest/index.js';
import { parseHar } from '../../knowledge/ingest/har/index.js';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { IngestError } from '../../knowledge/ingest/types.js';
import { parseW3c } from '../../knowledge/ingest/w3c/index.js';
import { readZip } from '../../knowledge/ingest/zip/index.js';
import { fixture } from './helpers.js';

const RUNS = { numRuns: 200 };
const w3cLine = fc
  .array(fc.oneof(fc.constantFrom('-', '401', '2', '5', '500', '0', '1346', '/', '/a.css', '::1', 'DOM\\u', '#Fields:', 'sc-status', 'cs-uri-stem', 'c-ip'), fc.string({ maxLength: 6 })), { maxLength: 10 })
  .map((xs) => xs.join(' '));

/** Flips a few bytes of a buffer. */
const mutate = (base: Buffer) =>
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }).map((flips) => {
    const b = Buffer.from(base);
    for (const [at, v] of flips) if (b.length) b[at % b.length] = v;
    return b;
  });

describe('ingest/fuzz', () => {
  it('W3C parser accepts any line soup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(w3cLine, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), async (lines, eol) => {
        const r = await parseW3c('x.log', ['#Fields: date time c-ip cs-uri-stem cs-username sc-status sc-substatus sc-win32-status', ...lines].join(eol));
        assert.equal(r.format, 'w3c');
      }),
      RUNS,
    );
  });

  it('HAR parser either parses or throws an IngestError naming the file', () => {
    const har = fixture('har/ntlm-only-never-succeeds.har');
    fc.assert(
      fc.property(fc.oneof(mutate(har), fc.json().map((j) => Buffer.from(j)), fc.jsonValue().map((v) => Buffer.from(JSON.stringify({ log: { entries: [v, v] } })))), (data) => {
        try {
          parseHar('f.har', data);
        } catch (err) {
          assert.ok(err instanceof IngestError && err.message.startsWith('f.har: '), String(err));
        }
      }),
      RUNS,
    );
  });

  it('text parser accepts any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 })), (s) => {
        assert.equal(parseText('t.txt', s).format, 'text');
      }),
      RUNS,
    );
  });

  it('zip reader and detector survive damaged archives', () => {
    const zip = Buffer.from(zipSync({ 'a/u_ex.log': fixture('w3c/auth-401-1-loop.log'), 'b.txt': strToU8('HTTP Error 500.0') }));
    fc.assert(
      fc.property(mutate(zip), fc.nat({ max: zip.length }), (data, cut) => {
        detectFormat(data);
        for (const item of readZip('z.zip', data.subarray(0, Math.max(cut, 22)))) {
          if (item.kind === 'error') assert.ok(item.error.message.startsWith('z.zip'));
        }
      }),
      RUNS,
    );
  });

  it('ingestFiles never throws, whatever the bytes', async () => {
    const seeds = [fixture('w3c/mbam-only-index-500-1346.log'), fixture('httperr/httperr-appoffline.log'), fixture('har/subresources-500.har'), Buffer.from(zipSync({ 'x.log': fixture('w3c/auth-401-1-loop.log') }))];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u)), ...seeds.map(mutate)), async (data) => {
        const r = await ingestFiles([{ name: 'f', data }]);
        assert.equal(r.files.length + r.errors.length > 0, true);
        for (const e of r.errors) assert.ok(e.message.startsWith('f'), e.message);
      }),
      RUNS,
    );
  });
});

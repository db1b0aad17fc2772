import { strict as assert } from 'node:assert';
import { strToU8, zipSync } from 'fflate';
import { ingestFiles, ingestText } from '../../knowledge/ingest/index.js';
import { chunked, fixture, hasReference, reference, values } from './helpers.js';

const MB = 1024 * 1024;

describe('ingest/ingestFiles', () => {
  it('combines the evidence of several files of different formats', async () => {
    const r = await ingestFiles([
      { name: 'u_ex240304.log', data: fixture('w3c/mbam-only-index-500-1346.log') },
      { name: 'httperr1.log', data: fixture('httperr/httperr-appoffline.log') },
      { name: 'capture.har', data: fixture('har/ntlm-only-never-succeeds.har') },
      { name: 'error.html', data: fixture('text/ysod-identity-token.html') },
    ]);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.files.map((f) => f.format), ['w3c', 'httperr', 'har', 'text']);
    const patterns = values(r.evidence, 'pattern');
    for (const p of ['w3c.only-static-index-succeeds', 'httperr.app-offline', 'har.ntlm-only']) assert.ok(patterns.includes(p), p);
  });

  it('turns every bad file into an error naming it while the good files of a bundle still count', async () => {
    const bomb = zipSync({ 'bomb.log': new Uint8Array(24 * MB) }, { level: 9 });
    const bundle = Buffer.from(
      zipSync({
        W3SVC1: { 'u_ex.log': fixture('w3c/auth-401-1-loop.log') },
        'empty.txt': new Uint8Array(0),
        'junk.bin': new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 89 + 7) % 256)),
        'inner.zip': bomb,
      }),
    );
    const r = await ingestFiles(
      [
        { name: 'bundle.zip', data: bundle },
        { name: 'empty.log', data: Buffer.alloc(0) },
        { name: 'file.bin', data: Buffer.from([0, 1, 2, 3, 200, 201, 202, 0, 0, 7, 8, 9, 250, 251]) },
        { name: 'truncated.zip', data: Buffer.from(zipSync({ 'a.txt': strToU8('x'.repeat(5000)) })).subarray(0, 60) },
        { name: 'big.log', data: Buffer.alloc(60 * MB, 0x41) },
        { name: 'nothing.txt' },
      ],
      { maxFileBytes: 50 * MB },
    );
    const msg = (file: string) => r.errors.find((e) => e.file === file)?.message ?? '';
    assert.match(msg('bundle.zip/empty.txt'), /^bundle\.zip\/empty\.txt: is empty/);
    assert.match(msg('bundle.zip/junk.bin'), /^bundle\.zip\/junk\.bin: not a format I can read \(binary data/);
    assert.match(msg('bundle.zip/inner.zip/bomb.log'), /bomb\.log: /);
    assert.match(msg('empty.log'), /^empty\.log: is empty/);
    assert.match(msg('file.bin'), /^file\.bin: not a format I can read \(binary data/);
    assert.match(msg('truncated.zip'), /^truncated\.zip: the zip is damaged or incomplete/);
    assert.equal(msg('big.log'), 'big.log: 60.0 MB is over the 50 MB limit');
    assert.match(msg('nothing.txt'), /^nothing\.txt: no content/);
    assert.ok(values(r.evidence, 'pattern').includes('w3c.auth-never-succeeds'));
    assert.equal(r.evidence.find((e) => e.key === 'pattern')?.source.file, 'bundle.zip/W3SVC1/u_ex.log');
  });

  it('streams W3C logs (detected from the first chunk) and reports progress', async () => {
    const data = fixture('w3c/loopback-401-1.log');
    const progress: number[] = [];
    const r = await ingestFiles([{ name: 'u_ex.log', stream: chunked(data, 100), size: data.length }], {
      onProgress: (_f, done) => progress.push(done),
    });
    assert.deepEqual(r.errors, []);
    assert.ok(values(r.evidence, 'pattern').includes('w3c.loopback-only-failures'));
    assert.equal(progress.at(-1), data.length);
  });

  it('caps streamed files of in-memory formats', async () => {
    const r = await ingestFiles([{ name: 'huge.har', stream: chunked(Buffer.from('{"log":{"entries":[' + ' '.repeat(3 * MB)), 64 * 1024) }], { maxFileBytes: MB });
    assert.match(r.errors[0].message, /^huge\.har: more than 1\.\d MB is over the 1 MB limit/);
  });

  it('reads typed messages as text evidence from "message"', () => {
    const p = ingestText('I get HTTP Error 500.24 and 0x80070542');
    assert.deepEqual(values(p.evidence, 'http.status'), ['500.24']);
    assert.equal(p.evidence[0].source.file, 'message');
  });

  (hasReference ? it : it.skip)('reads every real sample without errors', async () => {
    const names = ['freb-404-shared-hosting-unlicense.xml', 'eventlog-security-4624-4625-ipban.xml', 'w3c-iis85-windowsauth-401.2-handshake.log', 'har-chrome-browsertime-http11.har'];
    const r = await ingestFiles(names.map((name) => ({ name, data: reference(name) })));
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.files.map((f) => f.format), ['freb', 'eventlog-xml', 'w3c', 'har']);
  });
});

import { strict as assert } from 'node:assert';
import { zipSync, strToU8 } from 'fflate';
import { readZip, DEFAULT_ZIP_LIMITS, type ZipItem } from '../../knowledge/ingest/zip/index.js';
import { fixture } from './helpers.js';

const all = (items: Iterable<ZipItem>) => {
  const files: string[] = [];
  const errors: string[] = [];
  for (const i of items) {
    if (i.kind === 'file') files.push(i.name);
    else errors.push(i.error.message);
  }
  return { files, errors };
};

/** A zip whose only entry is stored with a hostile name (fflate would refuse to write "../"). */
function withEntryName(name: string, body: string): Buffer {
  const z = Buffer.from(zipSync({ [name.replace(/\.\.\//g, 'xx/')]: strToU8(body) }, { level: 0 }));
  return Buffer.from(z.toString('latin1').split(name.replace(/\.\.\//g, 'xx/')).join(name), 'latin1');
}

describe('ingest/zip', () => {
  it('reads nested folders and a nested zip, naming entries by their path', () => {
    const inner = zipSync({ 'fr000002.xml': strToU8('<failedRequest/>') });
    const z = Buffer.from(zipSync({ W3SVC1: { 'fr000041.xml': strToU8('<failedRequest/>'), 'freb.xsl': strToU8('x') }, 'more.zip': inner, 'logs/': {} }));
    const r = all(readZip('bundle.zip', z));
    assert.deepEqual(r.files.sort(), ['bundle.zip/W3SVC1/fr000041.xml', 'bundle.zip/more.zip/fr000002.xml']);
    assert.deepEqual(r.errors, []);
  });

  it('refuses ../ and absolute entries by name, still reading the others', () => {
    const evil = withEntryName('../evil.txt', 'x');
    assert.ok(evil.includes('../evil.txt'));
    const r = all(readZip('b.zip', evil));
    assert.deepEqual(r.files, []);
    assert.match(r.errors[0], /^b\.zip\/\.\.\/evil\.txt: refused/);
  });

  it('stops inflating a zip bomb at the cap and names the entry', () => {
    const bomb = Buffer.from(zipSync({ 'bomb.log': new Uint8Array(24 * 1024 * 1024), 'ok.log': strToU8('fine') }, { level: 9 }));
    const r = all(readZip('b.zip', bomb, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 4 * 1024 * 1024 }));
    assert.deepEqual(r.files, ['b.zip/ok.log']);
    assert.match(r.errors[0], /b\.zip\/bomb\.log: .*(limit|zip bomb)/);
  });

  it('refuses an entry that expands too many times even under the byte caps', () => {
    const bomb = Buffer.from(zipSync({ 'a.log': new Uint8Array(20 * 1024 * 1024) }, { level: 9 }));
    const r = all(readZip('b.zip', bomb));
    assert.match(r.errors[0], /b\.zip\/a\.log: refused, it expands more than 200 times/);
  });

  it('caps total uncompressed bytes across entries', () => {
    const z = Buffer.from(zipSync({ 'a.txt': new Uint8Array(3000).fill(65), 'b.txt': new Uint8Array(3000).fill(66) }));
    const r = all(readZip('t.zip', z, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 4000 }));
    assert.deepEqual(r.files, ['t.zip/a.txt']);
    assert.match(r.errors[0], /t\.zip\/b\.txt: not read, the bundle unpacks to more than/);
  });

  it('caps the number of entries', () => {
    const z = Buffer.from(zipSync({ 'a.txt': strToU8('a'), 'b.txt': strToU8('b'), 'c.txt': strToU8('c') }));
    const r = all(readZip('n.zip', z, { ...DEFAULT_ZIP_LIMITS, maxEntries: 2 }));
    assert.equal(r.files.length, 2);
    assert.match(r.errors[0], /n\.zip: has more than 2 files/);
  });

  it('reports encrypted entries', () => {
    const z = Buffer.from(zipSync({ 's.txt': strToU8('secret') }, { level: 0 }));
    // Set the "encrypted" flag in the local and central headers.
    z.writeUInt16LE(z.readUInt16LE(6) | 1, 6);
    const c = z.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    z.writeUInt16LE(z.readUInt16LE(c + 8) | 1, c + 8);
    assert.match(all(readZip('e.zip', z)).errors[0], /e\.zip\/s\.txt: is encrypted/);
  });

  it('salvages the complete entries of a truncated zip and says it is damaged', () => {
    const z = Buffer.from(zipSync({ 'a.log': fixture('w3c/auth-401-1-loop.log'), 'b.log': fixture('w3c/loopback-401-1.log') }));
    const cut = z.subarray(0, z.length - 200);
    const r = all(readZip('cut.zip', cut));
    assert.match(r.errors[0], /cut\.zip: the zip is damaged or incomplete/);
    assert.ok(r.files.includes('cut.zip/a.log'));
  });

  it('reports corrupt deflate data for the entry', () => {
    const z = Buffer.from(zipSync({ 'a.log': fixture('w3c/auth-401-1-loop.log') }, { level: 6 }));
    z.fill(0xff, 40, 80);
    const r = all(readZip('bad.zip', z));
    assert.equal(r.files.length, 0);
    assert.match(r.errors[0], /^bad\.zip\/a\.log: /);
  });
});

// The W3C reader (WebAssembly, byte by byte) against the obvious reference: split every line on spaces, decode,
// and count in Maps with the same caps. Also the small tables the other log readers use.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  BoundedMap,
  FieldMap,
  decodeValue,
  isIndexPage,
  isLoopback,
  isStaticFile,
} from '../../knowledge/ingest/w3c/index.js';
import { readW3c } from '../../knowledge/ingest/w3c/read-w3c.js';
import { CAPS, type W3cStats } from '../../knowledge/ingest/w3c/stats.js';
import { StringIndex } from '../../knowledge/ingest/w3c/string-index.js';

const DEFAULT =
  'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';

/** What the statistics must say, computed line by line with strings. */
function reference(text: string) {
  let fields = new FieldMap(DEFAULT.split(' '));
  const out = {
    requests: 0,
    nonAuth: 0,
    nonAuth500: 0,
    indexSuccess: 0,
    nonIndex: 0,
    nonIndex500: 0,
    static500: 0,
    handshakes: 0,
    n401x1: 0,
    loopback401x1: 0,
    firsts: {} as Record<string, number>,
    indexExample: '',
    failureExample: '',
    statuses: new Map<string, [number, number]>(),
    codes: new Map<string, [number, number]>(),
    users: new Map<string, [number, number]>(),
    clients: new Map<string, { n1: number; n2: number; saw: boolean; ok: boolean; fail: number }>(),
    clientsOverflow: 0,
  };
  const count = (m: Map<string, [number, number]>, cap: number, key: string, line: number) => {
    const v = m.get(key);
    if (v) v[0]++;
    else if (m.size < cap) m.set(key, [1, line]);
  };
  text.split('\n').forEach((rawLine, i) => {
    const line = i + 1;
    const raw = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (raw.startsWith('#')) {
      if (raw.toLowerCase().startsWith('#fields:')) fields = FieldMap.fromHeader(raw);
      return;
    }
    if (raw === '') return;
    const parts = raw.split(' ');
    const at = (name: string) => (fields.col(name) >= 0 ? parts[fields.col(name)] : undefined);
    const status = at('sc-status');
    if (status === undefined || !/^[0-9]{3}$/.test(status)) return;
    const sub = decodeValue(at('sc-substatus')) || '0';
    const win32 = decodeValue(at('sc-win32-status'));
    const user = decodeValue(at('cs-username'));
    const client = decodeValue(at('c-ip'));
    const stem = decodeValue(at('cs-uri-stem'));
    out.requests++;
    count(out.statuses, CAPS.statuses, `${status}.${sub}.${win32}`, line);
    const s401 = status === '401';
    const ok = /^[23]/.test(status);
    if (win32 !== '' && win32 !== '0' && !(s401 && sub === '2' && win32 === '5'))
      count(out.codes, CAPS.codes, win32, line);
    if (user !== '') count(out.users, CAPS.users, user, line);
    const first = (k: string) => (out.firsts[k] ??= line);
    if (!s401) {
      out.nonAuth++;
      if (status === '500') {
        out.nonAuth500++;
        first('500');
      }
      if (isIndexPage(stem)) {
        if (ok) {
          out.indexSuccess++;
          if (out.firsts.indexOk === undefined) out.indexExample = stem || '/';
          first('indexOk');
        }
      } else {
        out.nonIndex++;
        if (status === '500') {
          out.nonIndex500++;
          if (isStaticFile(stem)) out.static500++;
          if (out.firsts.other500 === undefined) out.failureExample = stem;
          first('other500');
        }
      }
    }
    const key = client || '(none)';
    let c = out.clients.get(key);
    if (!c && out.clients.size < CAPS.clients)
      out.clients.set(key, (c = { n1: 0, n2: 0, saw: false, ok: false, fail: 0 }));
    if (!c) out.clientsOverflow++;
    if (s401 && sub === '1') {
      out.n401x1++;
      first('401.1');
      if (isLoopback(client) || (client !== '' && client === decodeValue(at('s-ip')))) out.loopback401x1++;
    }
    if (!c) return;
    if (s401 && (sub === '1' || sub === '2')) {
      if (sub === '1') c.n1++;
      else c.n2++;
      c.saw = true;
      c.fail ||= line;
    } else if (ok && user !== '') {
      if (c.saw && !c.ok) {
        out.handshakes++;
        first('handshake');
      }
      c.ok = true;
    }
  });
  return out;
}

/** The same view of what the reader produced. */
function observed(s: W3cStats) {
  const pairs = <V extends { count: number; first: { line: number } }>(m: BoundedMap<string, V>) =>
    new Map([...m.entries()].map(([k, v]) => [k, [v.count, v.first.line] as [number, number]]));
  const firsts: Record<string, number> = {};
  if (s.first500) firsts['500'] = s.first500.line;
  if (s.firstIndexSuccess) firsts.indexOk = s.firstIndexSuccess.line;
  if (s.firstNonIndex500) firsts.other500 = s.firstNonIndex500.line;
  if (s.first401x1) firsts['401.1'] = s.first401x1.line;
  if (s.firstHandshake) firsts.handshake = s.firstHandshake.line;
  return {
    requests: s.requests,
    nonAuth: s.nonAuth,
    nonAuth500: s.nonAuth500,
    indexSuccess: s.indexSuccess,
    nonIndex: s.nonIndex,
    nonIndex500: s.nonIndex500,
    static500: s.static500,
    handshakes: s.handshakes,
    n401x1: s.n401x1,
    loopback401x1: s.loopback401x1,
    firsts,
    indexExample: s.indexExample,
    failureExample: s.failureExample,
    statuses: pairs(s.statuses),
    codes: pairs(s.codes),
    users: pairs(s.users),
    clients: new Map(
      [...s.clients.entries()].map(([k, c]) => [
        k,
        { n1: c.n401x1, n2: c.n401x2, saw: c.sawChallenge, ok: c.authedOk, fail: c.firstFailure?.line ?? 0 },
      ]),
    ),
    clientsOverflow: s.clients.overflow,
  };
}

async function* chunks(data: Buffer, sizes: number[]): AsyncIterable<Buffer> {
  for (let at = 0, k = 0; at < data.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]);
    yield data.subarray(at, at + n);
    at += n;
  }
}

async function statsOf(text: string, sizes = [1 << 16]): Promise<W3cStats> {
  return (await readW3c(chunks(Buffer.from(text), sizes))).stats;
}

const LAYOUTS = [
  DEFAULT,
  'sc-win32-status sc-substatus sc-status cs-uri-stem c-ip cs-username s-ip',
  'sc-status',
  'cs-uri-stem sc-status sc-substatus',
  'date c-ip',
  'c-ip cs-username sc-status cs-uri-stem sc-win32-status sc-substatus s-ip cs(Cookie)',
];
const token = fc.oneof(
  fc.constantFrom(
    '',
    '-',
    '+',
    '(none)',
    '401',
    '1',
    '2',
    '500',
    '200',
    '302',
    '0',
    '5',
    '1346',
    '::1',
    '127.0.0.1',
    '10.0.0.1',
    'DOM\\u+x',
    'é',
  ),
  fc.constantFrom(
    '/',
    '/a/',
    '/x/Default.ASPX',
    '/s/site.CSS',
    '/p+q/index.html',
    '/İndex.html',
    '/k/x.ＣＳＳ',
    '/a.b/c',
    '/x/index.',
    '/f.woff2',
    '/x/HOME.cshtml',
  ),
  fc.string({ maxLength: 5 }),
);
const logText = fc
  .array(
    fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...LAYOUTS).map((l) => `#Fields: ${l}`) },
      { weight: 12, arbitrary: fc.array(token, { maxLength: 16 }).map((parts) => parts.join(' ')) },
    ),
    { minLength: 1, maxLength: 40 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

describe('ingest/w3c reader', () => {
  it('counts what splitting every line on spaces counts, for any layout, line and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        logText,
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 }),
        async (text, sizes) => {
          assert.deepEqual(observed(await statsOf(text, sizes)), reference(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the first users and clients up to the caps and counts the rest', async () => {
    const lines = ['#Fields: cs-username c-ip sc-status sc-substatus sc-win32-status cs-uri-stem s-ip'];
    for (let i = 0; i < 25000; i++)
      lines.push(
        `u${i % 3000} 10.${i % 7}.${(i >> 8) & 255}.${i & 255} ${i % 9 === 0 ? '401 1 5' : i % 4 === 0 ? '401 2 5' : '200 0 0'} /p${i % 13}.css 10.0.0.1`,
      );
    const text = lines.join('\n');
    const s = await statsOf(text);
    assert.equal(s.users.size, CAPS.users);
    assert.equal(s.clients.size, CAPS.clients);
    assert.ok(s.clients.overflow > 0);
    assert.deepEqual(observed(s), reference(text));
  });

  it('reads an over-long line from its first 64K characters, and the lines around it', async () => {
    const text = [
      '#Fields: cs-uri-stem sc-status cs-username',
      `/${'a'.repeat(70000)} 500 x`,
      `/${'é'.repeat(40000)} 500 y`,
      '/b 200 z',
      'x'.repeat(300000),
      '/c 500 w',
    ].join('\n');
    const s = await statsOf(text, [4096]);
    // Line 2 loses its status to the cut; line 3 is 80,000 bytes but 40,001 characters: read whole.
    assert.equal(s.requests, 3);
    assert.deepEqual(
      [...s.users.entries()].map(([k]) => k),
      ['y', 'z', 'w'],
    );
    assert.equal(s.firstNonIndex500?.line, 3);
  });
});

describe('ingest/w3c string index', () => {
  it('finds what a Map finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat()), { maxLength: 60 }),
        fc.array(fc.string({ maxLength: 6 })),
        (pairs, probes) => {
          const index = new StringIndex<number>(64);
          const map = new Map<string, number>();
          for (const [k, v] of pairs) {
            index.set(k, v);
            map.set(k, v);
          }
          for (const k of [...map.keys(), ...probes]) assert.equal(index.get(k), map.get(k));
        },
      ),
    );
  });

  it('keeps BoundedMap exact at its cap: first keys kept in order, the rest counted', () => {
    const m = new BoundedMap<string, number>(3);
    for (const k of ['a', 'b', 'a', 'c', 'd', 'e', 'b', 'd']) {
      const v = m.get(k);
      if (v === undefined) m.tryAdd(k, 1);
    }
    assert.deepEqual(
      [...m.entries()],
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
    );
    assert.equal(m.overflow, 3);
    assert.equal(m.get('d'), undefined);
    assert.equal(
      m.upsert('zz', () => 9),
      undefined,
    );
    assert.equal(m.overflow, 4);
  });
});

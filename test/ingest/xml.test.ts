// Safe XML parsing of untrusted uploads: encodings, DTD refusal, malformed input, caps, fuzz.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IngestError } from '../../knowledge/ingest/types.js';
import { decodeText, parseUntrustedXml, wrapInRoot } from '../../knowledge/ingest/xml/index.js';

const FREB_PROLOGUE =
  '<?xml version="1.0" encoding="UTF-8" ?>\r\n<?xml-stylesheet type=\'text/xsl\' href=\'freb.xsl\'?>\r\n<!-- saved from url=(0014)about:internet -->\r\n';
const SMALL = `${FREB_PROLOGUE}<failedRequest url='http://h:80/a?b=1&amp;c=2' statusCode="500">\r\n<Event><Data Name="x">caf&#xE9; &lt;ok&gt;</Data></Event>\r\n</failedRequest>`;

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

function rejects(name: string, data: Buffer, pattern: RegExp): void {
  assert.throws(
    () => parseUntrustedXml(name, data),
    (err: unknown) =>
      err instanceof IngestError &&
      err.file === name &&
      err.message.includes(name) &&
      pattern.test(err.message),
  );
}

describe('xml: parseUntrustedXml', () => {
  const encodings: [string, Buffer][] = [
    ['UTF-8 without BOM', Buffer.from(SMALL, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SMALL, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SMALL)])],
  ];
  for (const [label, data] of encodings) {
    it(`reads a FREB-style file saved as ${label}, with single-quoted attributes and entities`, () => {
      const doc = parseUntrustedXml('fr000001.xml', data);
      const root = doc.elements[0];
      assert.equal(root.name, 'failedRequest');
      assert.equal(root.attrs.url, 'http://h:80/a?b=1&c=2');
      assert.equal(root.children[0].children[0].text, 'café <ok>');
      assert.equal(doc.text.split('\n')[0].startsWith('<?xml'), true);
    });
  }

  it('keeps character offsets of elements so callers can compute line numbers', () => {
    const doc = parseUntrustedXml(
      'web.config',
      Buffer.from(
        '<configuration>\n  <system.web>\n    <identity impersonate="true"/>\n  </system.web>\n</configuration>',
      ),
    );
    const identity = doc.elements[0].children[0].children[0];
    assert.equal(doc.text.slice(identity.offset, identity.offset + 9), '<identity');
  });

  const bad: [string, string | Buffer, RegExp][] = [
    ['empty', '', /empty/],
    ['whitespace only', '  \r\n ', /empty/],
    ['binary junk', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x3c]), /binary|not well-formed/],
    ['plain text', 'hello world', /not well-formed XML at line 1/],
    ['mismatched tags', '<a>\n<b></a>', /not well-formed XML at line 2, column \d+/],
    ['truncated', '<failedRequest><Event><Data Name="x">1</Da', /not well-formed XML/],
    ['unquoted attribute', '<a x=1/>', /not well-formed XML/],
    [
      'billion laughs',
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>',
      /refused.*DOCTYPE \(line 2\)/,
    ],
    [
      'external entity',
      '<?xml version="1.0"?><!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///c:/windows/win.ini"> ]><foo>&xxe;</foo>',
      /refused.*DOCTYPE/,
    ],
    ['bare ENTITY declaration', '<a><!ENTITY x "y"></a>', /refused.*ENTITY/],
    ['too deep', `${'<a>'.repeat(80)}${'</a>'.repeat(80)}`, /could not parse/],
  ];
  for (const [label, input, pattern] of bad) {
    it(`refuses ${label} with an IngestError naming the file`, () => {
      rejects('upload.xml', typeof input === 'string' ? Buffer.from(input) : input, pattern);
    });
  }

  it('accepts "<!DOCTYPE" as text inside comments and CDATA', () => {
    const doc = parseUntrustedXml(
      'x.xml',
      Buffer.from('<a><!-- <!DOCTYPE x> --><b><![CDATA[<!DOCTYPE html>]]></b></a>'),
    );
    assert.equal(doc.elements[0].name, 'a');
  });

  it('refuses files over the size cap before decoding them', () => {
    assert.throws(
      () => parseUntrustedXml('big.xml', Buffer.alloc(2048, 0x20), { maxBytes: 1024 }),
      /over the 1024-byte limit/,
    );
  });

  it('decodes UTF-16 LE without BOM from its first "<"', () => {
    assert.equal(decodeText(Buffer.from('<a/>', 'utf16le')), '<a/>');
  });

  it('wraps rootless event streams without moving line numbers', () => {
    const wrapped = wrapInRoot('<?xml version="1.0"?>\n<Event/>\n<Event/>', 'R');
    assert.equal(wrapped.split('\n')[1], '<Event/>');
    assert.equal(parseUntrustedXml('e.xml', Buffer.from(wrapped)).elements[0].children.length, 2);
  });

  it('never throws anything but IngestError on random bytes or mutated XML (fuzz)', () => {
    const base = Buffer.from(SMALL);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
          fc
            .array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
            .map((edits) => {
              const b = Buffer.from(base);
              for (const [i, v] of edits) b[i] = v;
              return b;
            }),
          fc.nat(base.length).map((n) => base.subarray(0, n)),
        ),
        (data) => {
          try {
            parseUntrustedXml('fuzz.xml', data);
          } catch (err) {
            assert.ok(err instanceof IngestError, `unexpected ${String(err)}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { strict as assert } from 'node:assert';
import { detectFormat } from '../../knowledge/ingest/detect/index.js';
import { fixture, hasReference, reference } from './helpers.js';

const b = (s: string | number[]): Buffer => (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s));

describe('ingest/detect', () => {
  const table: [string, Buffer, string][] = [
    ['zip magic', b([0x50, 0x4b, 3, 4, 20, 0]), 'zip'],
    ['FREB root', b('<?xml version="1.0" encoding="UTF-8" ?>\n<?xml-stylesheet type=\'text/xsl\' href=\'freb.xsl\'?>\n<!-- saved from url=(0014)about:internet -->\n<failedRequest url="http://x/" siteId="1">'), 'freb'],
    ['event log XML', b('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>'), 'eventlog-xml'],
    ['event log with Events root', b('<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">'), 'eventlog-xml'],
    ['web.config', b('<?xml version="1.0"?>\r\n<configuration>\r\n<system.web>'), 'config'],
    ['W3C by #Software', b('#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n'), 'w3c'],
    ['W3C by #Fields', b('#Version: 1.0\n#Fields: date time cs-uri-stem sc-status\n'), 'w3c'],
    ['HTTPERR', b('#Software: Microsoft HTTP API 2.0\r\n#Version: 1.0\r\n'), 'httperr'],
    ['HAR', b('{\n  "log": {\n    "version": "1.2",\n    "entries": []'), 'har'],
    ['plain text', b('Server Error in / Application. 0x80070542'), 'text'],
    ['YSOD HTML', b('<!DOCTYPE html>\n<html><head><title>Error</title>'), 'text'],
    ['UTF-16 web.config with BOM', Buffer.concat([b([0xff, 0xfe]), Buffer.from('<configuration></configuration>', 'utf16le')]), 'config'],
    ['UTF-8 BOM W3C', Buffer.concat([b([0xef, 0xbb, 0xbf]), b('#Software: Microsoft Internet Information Services 8.5\n')]), 'w3c'],
  ];
  for (const [name, data, format] of table) {
    it(`detects ${name} as ${format}`, () => assert.equal(detectFormat(data).format, format));
  }

  it('detects by content, whatever the file is called', () => {
    assert.equal(detectFormat(fixture('w3c/auth-401-1-loop.log')).format, 'w3c');
    assert.equal(detectFormat(fixture('httperr/httperr-fieldlength.log')).format, 'httperr');
    assert.equal(detectFormat(fixture('har/ntlm-only-never-succeeds.har')).format, 'har');
  });

  it('explains empty and binary files', () => {
    assert.deepEqual(detectFormat(Buffer.alloc(0)), { format: 'unknown', problem: 'is empty' });
    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256));
    const d = detectFormat(junk);
    assert.equal(d.format, 'unknown');
    assert.match(d.problem!, /not a format I can read \(binary data/);
    assert.match(detectFormat(b('ElfFile\0\0\0')).problem!, /evtx.*XML/);
  });

  (hasReference ? it : it.skip)('detects the real samples', () => {
    assert.equal(detectFormat(reference('freb-404-shared-hosting-unlicense.xml')).format, 'freb');
    assert.equal(detectFormat(reference('eventlog-security-4624-4625-ipban.xml')).format, 'eventlog-xml');
    assert.equal(detectFormat(reference('w3c-iis85-windowsauth-401.2-handshake.log')).format, 'w3c');
    assert.equal(detectFormat(reference('har-chrome-browsertime-http11.har')).format, 'har');
  });
});

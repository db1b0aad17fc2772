// Attachment download per channel shape, with nock standing in for Direct Line and Teams/SharePoint.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import type { IngestInput } from '../../../knowledge/ingest/types.js';
import { AttachmentError, AttachmentService, LOCAL_CHAT_CHANNEL_ID, TEAMS_FILE_DOWNLOAD_INFO, publicOnlyLookup, PrivateAddressError } from '../../../bot/attachments/index.js';

const FREB = '<?xml version="1.0"?><failedRequest url="http://intranet/site.css" statusCode="500"/>';

function service(overrides: Partial<ConstructorParameters<typeof AttachmentService>[0]> = {}) {
  return new AttachmentService({
    allowedHosts: ['directline.botframework.com', '*.sharepoint.com'],
    ownOrigins: () => [],
    maxBytes: 1024,
    timeoutMs: 2000,
    acceptLocalDataUrls: false,
    ...overrides,
  });
}

async function readAll(input: IngestInput): Promise<string> {
  if (input.data) return input.data.toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of input.stream!) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('attachment downloads', () => {
  before(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterEach(() => nock.cleanAll());
  after(() => nock.enableNetConnect());

  it('streams a Web Chat / Direct Line upload from its contentUrl', async () => {
    nock('https://directline.botframework.com').get('/attachments/abc/fr000041.xml').reply(200, FREB, { 'content-length': String(FREB.length) });
    const { files, errors } = await service().collect({
      channelId: 'webchat',
      attachments: [{ contentType: 'text/xml', name: 'fr000041.xml', contentUrl: 'https://directline.botframework.com/attachments/abc/fr000041.xml' }],
    });
    assert.deepEqual(errors, []);
    assert.equal(files[0].name, 'fr000041.xml');
    assert.equal(files[0].size, FREB.length);
    assert.equal(await readAll(files[0]), FREB);
  });

  it('downloads a Teams file from file.download.info downloadUrl and ignores the HTML copy of the message', async () => {
    nock('https://contoso-my.sharepoint.com').get('/personal/u/_layouts/download.aspx').query(true).reply(200, 'u_ex240101.log content');
    const { files, errors } = await service().collect({
      channelId: 'msteams',
      attachments: [
        { contentType: 'text/html', content: '<p>here is the log</p>' },
        {
          contentType: TEAMS_FILE_DOWNLOAD_INFO,
          name: 'u_ex240101.log',
          contentUrl: 'https://contoso-my.sharepoint.com/personal/u/Documents/u_ex240101.log',
          content: { downloadUrl: 'https://contoso-my.sharepoint.com/personal/u/_layouts/download.aspx?share=xyz', uniqueId: '1', fileType: 'log' },
        },
      ],
    });
    assert.deepEqual(errors, []);
    assert.equal(files.length, 1);
    assert.equal(await readAll(files[0]), 'u_ex240101.log content');
  });

  it('reports a 404 as a file error naming the file and suggesting a new upload', async () => {
    nock('https://directline.botframework.com').get('/attachments/gone').reply(404);
    const { files, errors } = await service().collect({
      channelId: 'directline',
      attachments: [{ contentType: 'text/plain', name: 'web.config', contentUrl: 'https://directline.botframework.com/attachments/gone' }],
    });
    assert.equal(files.length, 0);
    assert.equal(errors[0].file, 'web.config');
    assert.match(errors[0].message, /HTTP 404.*upload the file again/);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    nock('https://directline.botframework.com').get('/attachments/slow').delay(10_000).reply(200, 'late');
    const { errors } = await service({ timeoutMs: 100 }).collect({
      channelId: 'webchat',
      attachments: [{ contentType: 'text/plain', name: 'slow.log', contentUrl: 'https://directline.botframework.com/attachments/slow' }],
    });
    assert.equal(errors[0].file, 'slow.log');
    assert.match(errors[0].message, /did not finish within/);
  });

  it('refuses a file whose declared size is over the cap before reading it', async () => {
    nock('https://directline.botframework.com').get('/attachments/big').reply(200, 'x'.repeat(2048), { 'content-length': '2048' });
    const { files, errors } = await service().collect({
      channelId: 'webchat',
      attachments: [{ contentType: 'application/zip', name: 'FailedReqLogFiles.zip', contentUrl: 'https://directline.botframework.com/attachments/big' }],
    });
    assert.equal(files.length, 0);
    assert.match(errors[0].message, /FailedReqLogFiles\.zip is larger than the 1 KB limit/);
  });

  it('re-checks redirects and refuses one to a host outside the allow-list', async () => {
    nock('https://directline.botframework.com').get('/attachments/moved').reply(302, '', { location: 'https://evil.example.com/steal' });
    const { errors } = await service().collect({
      channelId: 'webchat',
      attachments: [{ contentType: 'text/plain', name: 'a.log', contentUrl: 'https://directline.botframework.com/attachments/moved' }],
    });
    assert.match(errors[0].message, /evil\.example\.com are not allowed/);
  });

  for (const [label, url, pattern] of [
    ['file: URLs', 'file:///etc/passwd', /only https/],
    ['plain http', 'http://directline.botframework.com/attachments/x', /only https/],
    ['hosts not in ATTACHMENT_HOSTS', 'https://example.org/x.log', /example\.org are not allowed/],
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data', /private, loopback or link-local/],
    ['private IPv4 addresses', 'https://10.1.2.3/x', /private, loopback or link-local/],
    ['IPv6 loopback', 'https://[::1]/x', /private, loopback or link-local/],
    ['links with credentials', 'https://user:pw@directline.botframework.com/x', /embedded credentials/],
  ] as const) {
    it(`refuses ${label} without any request`, async () => {
      const { files, errors } = await service().collect({ channelId: 'webchat', attachments: [{ contentType: 'text/plain', name: 'x.log', contentUrl: url }] });
      assert.equal(files.length, 0);
      assert.match(errors[0].message, pattern);
    });
  }

  it('refuses a host name that resolves to a loopback or private address', async () => {
    const err = await new Promise<Error | null>((resolve) => publicOnlyLookup('localhost', {}, (e) => resolve(e)));
    assert.ok(err instanceof PrivateAddressError);
  });

  it('accepts data: URL uploads only from the local chat client in local mode', async () => {
    const dataUrl = `data:text/plain;base64,${Buffer.from('0x80070542').toString('base64')}`;
    const attachment = { contentType: 'text/plain', name: 'note.txt', contentUrl: dataUrl };
    const local = await service({ acceptLocalDataUrls: true }).collect({ channelId: LOCAL_CHAT_CHANNEL_ID, attachments: [attachment] });
    assert.equal(await readAll(local.files[0]), '0x80070542');
    const otherChannel = await service({ acceptLocalDataUrls: true }).collect({ channelId: 'webchat', attachments: [attachment] });
    assert.match(otherChannel.errors[0].message, /only accepted from the local chat client/);
    const notLocalMode = await service({ acceptLocalDataUrls: false }).collect({ channelId: LOCAL_CHAT_CHANNEL_ID, attachments: [attachment] });
    assert.equal(notLocalMode.files.length, 0);
  });

  describe('against a real server streaming the body (as the bot\'s own endpoint)', () => {
    let server: Server;
    let origin: string;
    before(async () => {
      server = createServer((req, res) => {
        if (req.url === '/stall') {
          // Headers now, body never: the download deadline must end it.
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('first line\n');
          return;
        }
        // No content-length: chunked, 8 x 512 bytes.
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 8; i++) res.write(Buffer.alloc(512, 'y'));
        res.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    it('fails the stream when the body stalls past the timeout', async () => {
      const { files } = await service({ ownOrigins: () => [origin], timeoutMs: 150 }).collect({
        channelId: 'webchat',
        attachments: [{ contentType: 'text/plain', name: 'stall.log', contentUrl: `${origin}/stall` }],
      });
      await assert.rejects(readAll(files[0]), (err: unknown) => err instanceof AttachmentError && err.reason === 'timeout' && err.file === 'stall.log');
    });

    it('stops a file without a declared size as soon as it passes the cap', async () => {
      const { files } = await service({ ownOrigins: () => [origin] }).collect({
        channelId: 'webchat',
        attachments: [{ contentType: 'text/plain', name: 'huge.log', contentUrl: `${origin}/chunked` }],
      });
      assert.equal(files[0].size, undefined);
      await assert.rejects(readAll(files[0]), (err: unknown) => err instanceof AttachmentError && err.reason === 'too-large' && /huge\.log is larger than the 1 KB limit/.test(err.message));
    });
  });

  it("downloads from the bot's own loopback endpoint, and only from it", async () => {
    const server: Server = createServer((_req, res) => res.end('own file'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const own = await service({ ownOrigins: () => [origin] }).collect({ channelId: 'emulator', attachments: [{ contentType: 'text/plain', name: 'a.txt', contentUrl: `${origin}/a.txt` }] });
      assert.equal(await readAll(own.files[0]), 'own file');
      const notOwn = await service().collect({ channelId: 'emulator', attachments: [{ contentType: 'text/plain', name: 'a.txt', contentUrl: `${origin}/a.txt` }] });
      assert.match(notOwn.errors[0].message, /only https/);
    } finally {
      server.close();
    }
  });
});

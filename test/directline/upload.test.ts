// Uploads through the embedded Direct Line: multipart in, files kept behind unguessable links, the bot reads them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { startChannelServer, type ChannelServer } from './helpers/channel-server.js';
import { call, DirectLineClient } from './helpers/directline-client.js';

const FREB = readFileSync(new URL('../fixtures/ingest/freb/mbam-static-500-0x80070542.xml', import.meta.url));

function uploadForm(files: { name: string; data: Buffer; type?: string }[], activity?: object): FormData {
  const form = new FormData();
  // Exactly how DirectLineJS builds it: the activity as an application/vnd.microsoft.activity part, then "file" parts.
  if (activity)
    form.append(
      'activity',
      new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }),
    );
  for (const f of files)
    form.append('file', new Blob([new Uint8Array(f.data)], { type: f.type ?? 'text/xml' }), f.name);
  return form;
}

describe('embedded Direct Line uploads', () => {
  let server: ChannelServer;
  before(async () => {
    server = await startChannelServer();
  });
  after(async () => {
    await server.close();
  });

  it('takes a FREB trace as multipart, links it for the bot, and the diagnosis cites it', async () => {
    const client = await DirectLineClient.start(server.url);
    await client.waitForBot();
    const res = await client.upload(
      uploadForm([{ name: 'fr000041.xml', data: FREB }], {
        type: 'message',
        text: 'here is the trace',
        channelData: { clientActivityID: 'u1' },
      }),
    );
    assert.equal(res.status, 200);
    const seen = await client.waitForBot(
      (a) => a.replyToId === res.body.id && /fr000041\.xml/.test(JSON.stringify(a)),
    );
    const echo = seen.find((a) => a.id === res.body.id);
    assert.equal(echo?.text, 'here is the trace');
    const link = echo?.attachments?.[0];
    assert.equal(link?.name, 'fr000041.xml');
    assert.match(
      link?.contentUrl ?? '',
      new RegExp(
        `^${server.url}/v3/directline/conversations/${client.session.conversationId}/attachments/[A-Za-z0-9_-]{22}$`,
      ),
    );
    const reply = seen
      .filter((a) => a.replyToId === res.body.id)
      .map((a) => JSON.stringify(a))
      .join('\n');
    assert.match(reply, /0x80070542/);

    const file = await fetch(link?.contentUrl ?? '');
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), FREB);
    assert.equal(
      file.headers.get('content-type'),
      'application/octet-stream',
      'uploads never render as documents of this origin',
    );
    assert.match(
      file.headers.get('content-disposition') ?? '',
      /^attachment; filename\*=UTF-8''fr000041\.xml$/,
    );
  });

  it('rejects a file over 4 MB with a message that names it and says what to do', async () => {
    const client = await DirectLineClient.start(server.url);
    const big = Buffer.alloc(4 * 1024 * 1024 + 1, 0x41);
    const res = await client.upload(
      uploadForm([{ name: 'FailedReqLogFiles.zip', data: big, type: 'application/zip' }]),
    );
    assert.equal(res.status, 413);
    assert.equal(res.body.error?.code, 'FileTooLarge');
    assert.match(
      res.body.error?.message ?? '',
      /FailedReqLogFiles\.zip is 4\.0 MB; web chat uploads are limited to 4 MB per file\. Zip it/,
    );
    const nothing = await client.get('');
    assert.ok(!nothing.body.activities.some((a) => a.attachments?.length), 'nothing was posted');
  });

  it('refuses an upload whose declared body is far over the cap before reading it', async () => {
    const client = await DirectLineClient.start(server.url);
    const url = new URL(`${client.dl}/conversations/${client.session.conversationId}/upload`);
    // Declares 200 MB but sends a few bytes: the answer must come from the header alone.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${client.session.token}`,
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(200 * 1024 * 1024),
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on('error', reject);
      req.write('--x\r\n');
    });
    assert.equal(answer.status, 413);
    assert.match(answer.body, /limited to 4 MB per file/);
  });

  it("refuses another user's id, another conversation's token, and a non-multipart body", async () => {
    const a = await DirectLineClient.start(server.url);
    const b = await DirectLineClient.start(server.url);
    const wrongUser = await a.upload(
      uploadForm([{ name: 'a.txt', data: Buffer.from('x') }]),
      a.session.token,
      b.session.userId,
    );
    assert.equal(wrongUser.status, 403);
    const crossed = await call(`${a.dl}/conversations/${b.session.conversationId}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.session.token}` },
      body: uploadForm([{ name: 'a.txt', data: Buffer.from('x') }]),
    });
    assert.equal(crossed.status, 403);
    const notMultipart = await call(`${a.dl}/conversations/${a.session.conversationId}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.session.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(notMultipart.status, 400);
  });

  it('keeps hostile file names as plain names and serves unknown ids as 404', async () => {
    const client = await DirectLineClient.start(server.url);
    const res = await client.upload(
      uploadForm([
        { name: '..\\..\\<img src=x onerror=alert(1)>.xml', data: Buffer.from('<x/>'), type: 'text/html' },
      ]),
    );
    assert.equal(res.status, 200);
    const all = await client.get('');
    const att = all.body.activities.find((a) => a.id === res.body.id)?.attachments?.[0];
    assert.equal(att?.name, '<img src=x onerror=alert(1)>.xml', 'path segments are cut');
    const served = await fetch(att?.contentUrl ?? '');
    assert.equal(
      served.headers.get('content-type'),
      'application/octet-stream',
      'an uploaded text/html is never served as html',
    );
    assert.match(served.headers.get('content-security-policy') ?? '', /sandbox/);
    const missing = await fetch(
      `${server.url}/v3/directline/conversations/${client.session.conversationId}/attachments/AAAAAAAAAAAAAAAAAAAAAA`,
    );
    assert.equal(missing.status, 404);
  });
});

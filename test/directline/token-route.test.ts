// POST /api/directline/token with a Direct Line secret: the secret goes to the Direct Line token service (nock),
// never to the browser; the browser gets a token bound to a fresh "dl_" user id.
import assert from 'node:assert/strict';
import nock from 'nock';
import { startChannelServer, type ChannelServer } from './helpers/channel-server.js';
import { call } from './helpers/directline-client.js';

const SECRET = 'dl-secret-0123456789abcdefghijklmnopqrstuvwxyz';

describe('POST /api/directline/token with a Direct Line secret', () => {
  let server: ChannelServer;
  before(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
    server = await startChannelServer({ directLine: { secret: SECRET } });
  });
  after(async () => {
    await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());

  it('exchanges the secret for a conversation token with a per-user id', async () => {
    let sentUser = '';
    const scope = nock('https://directline.botframework.com', {
      reqheaders: { authorization: `Bearer ${SECRET}` },
    })
      .post('/v3/directline/tokens/generate', (body: { user?: { id?: string } }) => {
        sentUser = body.user?.id ?? '';
        return /^dl_[A-Za-z0-9_-]{22}$/.test(sentUser);
      })
      .reply(200, {
        conversationId: 'conv-from-directline',
        token: 'token-from-directline',
        expires_in: 1800,
      });
    const res = await call<Record<string, unknown>>(`${server.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 200);
    scope.done();
    assert.deepEqual(res.body, {
      token: 'token-from-directline',
      conversationId: 'conv-from-directline',
      userId: sentUser,
      expiresIn: 1800,
      webSocket: true,
    });
    assert.ok(!JSON.stringify(res.body).includes(SECRET));
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('gives every caller a different user id', async () => {
    const users: string[] = [];
    nock('https://directline.botframework.com')
      .post('/v3/directline/tokens/generate', (body: { user: { id: string } }) =>
        Boolean(users.push(body.user.id)),
      )
      .twice()
      .reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    await call(`${server.url}/api/directline/token`, { method: 'POST' });
    await call(`${server.url}/api/directline/token`, { method: 'POST' });
    assert.equal(users.length, 2);
    assert.notEqual(users[0], users[1]);
  });

  it('answers 502 without details when the service refuses the secret, and logs why', async () => {
    nock('https://directline.botframework.com')
      .post('/v3/directline/tokens/generate')
      .reply(403, { error: { code: 'Forbidden' } });
    const res = await call<{ error: string; message: string }>(`${server.url}/api/directline/token`, {
      method: 'POST',
    });
    assert.equal(res.status, 502);
    assert.equal(res.body.error, 'directline-unavailable');
    assert.ok(!JSON.stringify(res.body).includes(SECRET));
    assert.ok(
      server.logLines.some((l) => /token exchange failed/.test(l) && /check DIRECTLINE_SECRET/.test(l)),
    );
    assert.ok(!server.logLines.some((l) => l.includes(SECRET)), 'the secret is never logged');
  });

  it('uses a regional endpoint and tells the page about it', async () => {
    const regional = await startChannelServer({
      directLine: { secret: SECRET, endpoint: 'https://europe.directline.botframework.com/v3/directline' },
    });
    try {
      nock('https://europe.directline.botframework.com')
        .post('/v3/directline/tokens/generate')
        .reply(200, { conversationId: 'c', token: 't', expires_in: 3600 });
      const res = await call<{ domain: string }>(`${regional.url}/api/directline/token`, { method: 'POST' });
      assert.equal(res.body.domain, 'https://europe.directline.botframework.com/v3/directline');
    } finally {
      await regional.close();
    }
  });

  it('keeps the embedded Direct Line off when a secret is set', async () => {
    const res = await call(`${server.url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: 'Bearer x' },
    });
    assert.ok(res.status === 404 || res.status === 405, `got ${res.status}`);
  });

  it('says web chat needs a secret when the bot has app credentials and none is set', async () => {
    const cloud = await startChannelServer({
      env: {
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'p',
        HOST: '127.0.0.1',
      },
    });
    try {
      const res = await call<{ error: string; message: string }>(`${cloud.url}/api/directline/token`, {
        method: 'POST',
      });
      assert.equal(res.status, 503);
      assert.match(res.body.message, /DIRECTLINE_SECRET/);
    } finally {
      await cloud.close();
    }
  });
});

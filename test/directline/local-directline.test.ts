// The embedded Direct Line 3.0 endpoint against the real server (createApp + the default bot factory).
import assert from 'node:assert/strict';
import { TurnContext, type Activity } from 'botbuilder';
import { TokenSigner } from '../../bot/directline/index.js';
import { startChannelServer, type ChannelServer } from './helpers/channel-server.js';
import { call, DirectLineClient, type Session } from './helpers/directline-client.js';

describe('embedded Direct Line', () => {
  let server: ChannelServer;
  before(async () => {
    server = await startChannelServer();
  });
  after(async () => {
    await server.close();
  });

  it('hands out a conversation token and a per-user id, with the embedded domain and polling', async () => {
    const res = await call<Session>(`${server.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 200);
    assert.match(res.body.userId, /^dl_[A-Za-z0-9_-]{22}$/);
    assert.equal(res.body.domain, '/v3/directline');
    assert.equal(res.body.webSocket, false);
    assert.ok(res.body.expiresIn > 0);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const other = await call<Session>(`${server.url}/api/directline/token`, { method: 'POST' });
    assert.notEqual(other.body.userId, res.body.userId);
    assert.notEqual(other.body.conversationId, res.body.conversationId);
  });

  it('starts the conversation, greets, and answers a message with watermarked activities', async () => {
    const client = await DirectLineClient.start(server.url);
    const greeting = await client.waitForBot();
    assert.ok(
      greeting.some((a) => /IIS/.test(a.text ?? '')),
      'the bot greets on conversationUpdate',
    );
    const mark = Number(client.watermark);

    const posted = await client.say('our mbam portal shows only text, every file but index.html returns 500');
    assert.equal(posted.status, 200);
    assert.match(posted.body.id, new RegExp(`^${client.session.conversationId}\\|\\d{7}$`));
    const after = await client.waitForBot((a) => a.replyToId === posted.body.id);
    const echo = after.find((a) => a.id === posted.body.id);
    assert.ok(echo, 'the user message is echoed with its id');
    assert.equal(echo.from?.id, client.session.userId);
    assert.ok(echo.channelData?.clientActivityID, 'Web Chat matches its echo by clientActivityID');
    const reply = after.find((a) => a.replyToId === posted.body.id && a.type === 'message');
    // The answer is text or a card, depending on the conversation logic: look at both.
    assert.match(
      JSON.stringify({ text: reply?.text, attachments: reply?.attachments }),
      /SeImpersonatePrivilege/,
    );
    assert.equal(reply?.serviceUrl, undefined, 'the connector URL never reaches the browser');
    assert.ok(Number(client.watermark) > mark);

    const again = await client.get(client.watermark);
    assert.deepEqual(again.body.activities, [], 'nothing new after the latest watermark');
    const all = await client.get('');
    assert.ok(
      all.body.activities.length >= after.length + greeting.length - 1,
      'no watermark reads from the start',
    );
  });

  it('ignores the "from" a client claims: the token decides who speaks', async () => {
    const client = await DirectLineClient.start(server.url);
    const posted = await client.post({ text: 'hello', from: { id: 'dl_someone-else', name: 'Mallory' } });
    const res = await client.get('');
    const echo = res.body.activities.find((a) => a.id === posted.body.id);
    assert.equal(echo?.from?.id, client.session.userId);
  });

  it("refuses conversation A's token on conversation B (403) and a missing token (401)", async () => {
    const a = await DirectLineClient.start(server.url);
    const b = await DirectLineClient.start(server.url);
    const read = await a.get('', a.session.token, b.session.conversationId);
    assert.equal(read.status, 403);
    const write = await a.post({ text: 'hi' }, a.session.token, b.session.conversationId);
    assert.equal(write.status, 403);
    const reconnect = await call(`${a.dl}/conversations/${b.session.conversationId}`, {
      headers: { authorization: `Bearer ${a.session.token}` },
    });
    assert.equal(reconnect.status, 403);
    const anonymous = await call(`${a.dl}/conversations/${a.session.conversationId}/activities`);
    assert.equal(anonymous.status, 401);
  });

  it('refuses tampered and expired tokens with 403', async () => {
    const client = await DirectLineClient.start(server.url);
    const [header, payload, sig] = client.session.token.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp: number; user: string };
    assert.equal(forged.user, client.session.userId, 'Web Chat reads the user id from the token');
    forged.exp += 3600;
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
    assert.equal((await client.get('', tampered)).status, 403);

    const signer = new TokenSigner({ ttlSeconds: 60, now: () => Date.now() - 3_600_000 });
    const stale = signer.issue(client.session.conversationId, client.session.userId).token;
    assert.equal((await client.get('', stale)).status, 403, 'a token from another key is refused');

    const expiring = await startChannelServer({ directLine: { tokenTtlSeconds: 1 } });
    try {
      const c = await DirectLineClient.start(expiring.url);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const res = await c.get('');
      assert.equal(res.status, 403);
      assert.equal((res.body as unknown as { error: { code: string } }).error.code, 'TokenExpired');
    } finally {
      await expiring.close();
    }
  });

  it('refreshes a token: the new one reads the same conversation', async () => {
    const client = await DirectLineClient.start(server.url);
    const refreshed = await call<{ token: string; conversationId: string; expires_in: number }>(
      `${client.dl}/tokens/refresh`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${client.session.token}` },
      },
    );
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.body.conversationId, client.session.conversationId);
    assert.ok(refreshed.body.expires_in > 0);
    assert.equal((await client.get('', refreshed.body.token)).status, 200);
  });

  it('reconnects to a conversation (GET /conversations/:id) without a stream URL, so Web Chat polls', async () => {
    const client = await DirectLineClient.start(server.url);
    const res = await call<{ conversationId: string; token: string; streamUrl?: string }>(
      `${client.dl}/conversations/${client.session.conversationId}?watermark=`,
      {
        headers: { authorization: `Bearer ${client.session.token}` },
      },
    );
    assert.equal(res.status, 200);
    assert.equal(res.body.conversationId, client.session.conversationId);
    assert.equal(res.body.streamUrl, undefined);
  });

  it('answers 400 for an activity without a type and 404 once a conversation is gone', async () => {
    const client = await DirectLineClient.start(server.url);
    const bad = await call(`${client.dl}/conversations/${client.session.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'no type' }),
    });
    assert.equal(bad.status, 400);
    const small = await startChannelServer({ directLine: { conversations: { maxConversations: 1 } } });
    try {
      const first = await DirectLineClient.start(small.url);
      await DirectLineClient.start(small.url);
      const evicted = await first.get('');
      assert.equal(evicted.status, 404, 'the least recently used conversation was evicted');
    } finally {
      await small.close();
    }
  });

  it('lets the bot send proactively: appendBotActivity and continueConversationAsync both reach the poller', async () => {
    const client = await DirectLineClient.start(server.url);
    await client.waitForBot();
    server.directLine.appendBotActivity(client.session.conversationId, {
      type: 'message',
      text: 'An engineer picked up your case.',
    });
    const relayed = await client.waitForBot((a) => a.text === 'An engineer picked up your case.');
    assert.equal(relayed.find((a) => a.text === 'An engineer picked up your case.')?.from?.role, 'bot');

    // The bot's stored conversation reference points at the connector endpoint: a proactive send lands in the chat.
    const res = await client.say('hello');
    const seen = await client.waitForBot((a) => a.replyToId === res.body.id);
    const echo = seen.find((a) => a.id === res.body.id) as Activity;
    const reference = TurnContext.getConversationReference({
      ...echo,
      serviceUrl: server.directLine.directLine?.serviceUrl(),
    });
    await server.app.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Proactive hello');
    });
    await client.waitForBot((a) => a.text === 'Proactive hello');
  });

  it('answers CORS preflights only for configured origins', async () => {
    const cors = await startChannelServer({ directLine: { corsOrigins: ['https://intranet.contoso.com'] } });
    try {
      const preflight = (origin: string) =>
        fetch(`${cors.url}/v3/directline/conversations`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,x-ms-bot-agent',
          },
        });
      const ok = await preflight('https://intranet.contoso.com');
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://intranet.contoso.com');
      assert.match(ok.headers.get('access-control-allow-headers') ?? '', /x-ms-bot-agent/);
      const denied = await preflight('https://evil.example');
      assert.equal(denied.status, 403);
      assert.equal(denied.headers.get('access-control-allow-origin'), null);
      const token = await fetch(`${cors.url}/api/directline/token`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
      });
      assert.equal(token.headers.get('access-control-allow-origin'), null);
    } finally {
      await cors.close();
    }
  });
});

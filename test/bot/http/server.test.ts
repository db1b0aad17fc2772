// HTTP tests against the real server on port 0: turns with deliveryMode "expectReplies", /api/diagnose, /healthz,
// authentication, body limits, turn errors, restart durability and graceful shutdown.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import nock from 'nock';
import { ActivityHandler } from 'botbuilder';
import { diagnoseInputs } from '../../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../../runtime/kb-files.js';
import { APOLOGY } from '../../../bot/index.js';
import type { BotFactory } from '../../../bot/index.js';
import { messageActivity, postActivity, replyText, startTestServer, tempDataDir } from '../helpers/test-server.js';

const TRACE_TEXT = 'Static files return 500.0 with 0x80070542 since we set impersonate=true';
const MBAM_CAUSE = 'seimpersonate-privilege-removed';

/** The cause a reply shows (its cards carry the cause id in their button data). */
function shownCauses(activities: unknown[]): string[] {
  return [...JSON.stringify(activities).matchAll(/"causeId":"([a-z0-9-]+)"/g)].map((m) => m[1]);
}

describe('bot HTTP server', () => {
  before(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  after(() => nock.enableNetConnect());

  describe('in local mode', () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let dataDir: string;
    before(async () => {
      dataDir = tempDataDir();
      server = await startTestServer({ DATA_DIR: dataDir });
    });
    after(async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('listens on loopback and says so, with where data lives and how to try it', () => {
      assert.equal(server.host, '127.0.0.1');
      const log = server.logLines.join('\n');
      assert.match(log, /listening on http:\/\/127\.0\.0\.1:\d+/);
      assert.match(log, /Local mode: no MicrosoftAppId/);
      assert.match(log, new RegExp(`Data: SQLite ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.match(log, /Try it: npm run chat/);
    });

    it('answers GET /healthz with version and uptime', async () => {
      const res = await fetch(`${server.url}/healthz`);
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(res.status, 200);
      assert.equal(body.status, 'ok');
      assert.equal(typeof body.version, 'string');
      assert.equal(typeof body.uptimeSeconds, 'number');
    });

    it('returns the replies of an expectReplies message turn in the HTTP response', async () => {
      const { status, activities } = await postActivity(server.url, messageActivity('conv-expect', TRACE_TEXT));
      assert.equal(status, 200);
      assert.ok(activities.length >= 1);
      assert.equal(shownCauses(activities)[0], MBAM_CAUSE);
    });

    it('greets a new member on conversationUpdate', async () => {
      const { activities } = await postActivity(server.url, {
        ...messageActivity('conv-greet', ''),
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: 'user-1', name: 'Tester' }],
      });
      assert.match(replyText(activities), /impersonation, delegation and Windows-authentication/);
    });

    it('keeps the Case across turns of one conversation', async () => {
      const first = await postActivity(server.url, messageActivity('conv-two', TRACE_TEXT));
      assert.equal(shownCauses(first.activities)[0], MBAM_CAUSE);
      // "Not it" only makes sense against the cause shown in the previous turn: the Case was kept.
      const { activities } = await postActivity(server.url, messageActivity('conv-two', 'not it'));
      assert.match(replyText(activities), /ruling out "/);
      const next = shownCauses(activities);
      assert.ok(next.length > 0 || /engineer/i.test(replyText(activities)), replyText(activities));
      assert.ok(!next.includes(MBAM_CAUSE), `ruled-out cause shown again: ${next.join(', ')}`);
    });

    it('reads a file uploaded by the local chat client as a data: URL', async () => {
      const config = '<configuration><system.web><identity impersonate="true" /></system.web></configuration>';
      const { activities } = await postActivity(
        server.url,
        messageActivity('conv-upload', '', { attachments: [{ contentType: 'application/xml', name: 'web.config', contentUrl: `data:application/xml;base64,${Buffer.from(config).toString('base64')}` }] }),
      );
      assert.match(JSON.stringify(activities), /web\.config/);
    });

    it('answers POST /api/diagnose with exactly what the engine (and cli diagnose --json) returns', async () => {
      const res = await fetch(`${server.url}/api/diagnose`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: TRACE_TEXT }) });
      assert.equal(res.status, 200);
      const body = await res.json();
      const expected = JSON.parse(JSON.stringify(await diagnoseInputs({ texts: [TRACE_TEXT], files: [] }, bundledKnowledgeBase())));
      assert.deepEqual(body, expected);
      assert.deepEqual(Object.keys(body as object).sort(), ['codes', 'errors', 'hypotheses', 'lookalikes', 'question', 'unknown', 'whatWouldHelp']);
    });

    it('accepts base64 files on POST /api/diagnose', async () => {
      const log = '#Fields: date time s-ip cs-method cs-uri-stem sc-status sc-substatus sc-win32-status\n2024-01-01 10:00:00 10.0.0.1 GET /site.css 500 0 1346\n';
      const res = await fetch(`${server.url}/api/diagnose`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: '', files: [{ name: 'u_ex240101.log', contentBase64: Buffer.from(log).toString('base64') }] }),
      });
      assert.equal(res.status, 200);
      const expected = JSON.parse(JSON.stringify(await diagnoseInputs({ texts: [''], files: [{ name: 'u_ex240101.log', data: Buffer.from(log) }] }, bundledKnowledgeBase())));
      assert.deepEqual(await res.json(), expected);
    });

    it('rejects an invalid /api/diagnose body with 400 and the problems', async () => {
      const res = await fetch(`${server.url}/api/diagnose`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [{ name: 'x' }] }) });
      assert.equal(res.status, 400);
      const body = (await res.json()) as { problems: string[] };
      assert.match(body.problems.join('\n'), /files\.0\.contentBase64/);
    });

    it('refuses request bodies over the limit with 413', async () => {
      const huge = 'a'.repeat(40 * 1024 * 1024);
      const res = await fetch(`${server.url}/api/diagnose`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: huge }) });
      assert.equal(res.status, 413);
    });
  });

  it('apologises when a turn fails, logs without the message text, and keeps the conversation usable', async () => {
    let fail = true;
    const factory: BotFactory = () => {
      const bot = new ActivityHandler();
      bot.onMessage(async (context, next) => {
        if (fail) throw new Error(`boom while handling ${context.activity.text}`);
        await context.sendActivity('fine again');
        await next();
      });
      return bot;
    };
    const server = await startTestServer({ STORAGE: 'memory' }, { botFactory: factory });
    try {
      const failed = await postActivity(server.url, messageActivity('conv-err', 'my password is Secret123'));
      assert.equal(failed.status, 200);
      assert.equal(replyText(failed.activities), APOLOGY);
      const logged = server.logLines.filter((l) => l.includes('turn failed'));
      assert.equal(logged.length, 1);
      assert.match(logged[0], /conversation=conv-err/);
      assert.doesNotMatch(logged[0], /Secret123|boom/);
      fail = false;
      const next = await postActivity(server.url, messageActivity('conv-err', 'again'));
      assert.equal(replyText(next.activities), 'fine again');
    } finally {
      await server.close();
    }
  });

  it('continues a conversation after a restart of the server (SQLite under DATA_DIR)', async () => {
    const dataDir = tempDataDir();
    try {
      const first = await startTestServer({ DATA_DIR: dataDir });
      await postActivity(first.url, messageActivity('conv-restart', TRACE_TEXT));
      await first.close();
      const second = await startTestServer({ DATA_DIR: dataDir });
      try {
        const { activities } = await postActivity(second.url, messageActivity('conv-restart', 'not it'));
        assert.ok(!shownCauses(activities).includes(MBAM_CAUSE), replyText(activities));
        // The shown cause came back from the SQLite file: "not it" rules it out instead of "no cause suggested yet".
        assert.match(replyText(activities), /ruling out "/);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('finishes an in-flight turn and saves its state before shutting down', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (entered = resolve));
    const dataDir = tempDataDir();
    const factory: BotFactory = ({ conversationState }) => {
      const seen = conversationState.createProperty<number>('seen');
      const bot = new ActivityHandler();
      bot.onMessage(async (context, next) => {
        entered();
        await gate;
        await seen.set(context, (await seen.get(context, 0)) + 1);
        await context.sendActivity(`turn ${await seen.get(context, 0)}`);
        await next();
      });
      return bot;
    };
    try {
      const server = await startTestServer({ DATA_DIR: dataDir }, { botFactory: factory });
      const pending = postActivity(server.url, messageActivity('conv-drain', 'slow'));
      await started;
      const closed = server.close();
      release();
      const reply = await pending;
      await closed;
      assert.equal(replyText(reply.activities), 'turn 1');
      await assert.rejects(fetch(`${server.url}/healthz`));
      const again = await startTestServer({ DATA_DIR: dataDir }, { botFactory: factory });
      try {
        const { activities } = await postActivity(again.url, messageActivity('conv-drain', 'next'));
        assert.equal(replyText(activities), 'turn 2');
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('with MicrosoftAppId set', () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      server = await startTestServer({
        STORAGE: 'memory',
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        HOST: '127.0.0.1',
        DIAGNOSE_API_TOKEN: 'a-diagnose-token-of-some-length',
      });
    });
    after(() => server.close());

    it('answers 401 to an activity without a token', async () => {
      const { status } = await postActivity(server.url, messageActivity('conv-auth', 'hi'));
      assert.equal(status, 401);
    });

    it('answers 401 to an activity with a forged token', async () => {
      const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"iss":"me"}').toString('base64url')}.`;
      const { status } = await postActivity(server.url, messageActivity('conv-auth', 'hi'), { authorization: `Bearer ${forged}` });
      assert.equal(status, 401);
    });

    it('requires the diagnose API token on POST /api/diagnose', async () => {
      const post = (headers: Record<string, string>) =>
        fetch(`${server.url}/api/diagnose`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text: '0x80070542' }) });
      assert.equal((await post({})).status, 401);
      assert.equal((await post({ authorization: 'Bearer wrong-token-of-some-length!' })).status, 401);
      assert.equal((await post({ authorization: 'Bearer a-diagnose-token-of-some-length' })).status, 200);
    });
  });

  it('refuses POST /api/diagnose on a public bot without a diagnose API token', async () => {
    const server = await startTestServer({ STORAGE: 'memory', MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'pw', HOST: '127.0.0.1' });
    try {
      const res = await fetch(`${server.url}/api/diagnose`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x' }) });
      assert.equal(res.status, 403);
    } finally {
      await server.close();
    }
  });
});

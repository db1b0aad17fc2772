// Escalation end to end over HTTP with the real dialogs: each trigger writes a ticket before the user hears its
// number, the packet is complete and redacted, and the relay survives a restart of the bot.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { messageActivity, postActivity, replyText } from '../bot/helpers/test-server.js';
import { api, eventually, startEscalationApp, submitData, tempDir, type EscalationApp } from './helpers/escalation-app.js';

const SECRET = 'Sup3rS3cret!Planted';

async function say(app: EscalationApp, conversation: string, text: string, extra: Partial<Activity> = {}) {
  const res = await postActivity(app.url, messageActivity(conversation, text, extra));
  assert.equal(res.status, 200);
  return res.activities;
}

async function press(app: EscalationApp, conversation: string, value: Record<string, unknown>) {
  return say(app, conversation, '', { value, text: undefined });
}

describe('escalation over HTTP (SQLite)', function () {
  this.timeout(60_000);
  let app: EscalationApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('creates a ticket when the user asks for a person, before telling them its number', async () => {
    app = await startEscalationApp();
    await say(app, 'c-requested', 'our intranet returns 401.2 for everyone since we enabled windows auth, event 4625 in the log');
    const replies = await say(app, 'c-requested', 'Talk to an engineer');
    const text = replyText(replies);
    const n = /ticket number is \*\*#(\d+)\*\*/.exec(text)?.[1];
    assert.ok(n, text);
    const ticket = await app.escalation.service.tickets.get(Number(n));
    assert.equal(ticket?.status, 'open');
    assert.equal(ticket?.trigger, 'requested');
    assert.equal(ticket?.live, true);
    assert.match(ticket!.packet.userWords[0], /401\.2/);
    assert.ok(ticket!.packet.hypotheses.length > 0);
  });

  it('escalates from the engine\'s "unknown" through the offered button', async () => {
    app = await startEscalationApp();
    const first = await say(app, 'c-unknown', 'after adding a rewrite rule to force https our site says ERR_TOO_MANY_REDIRECTS, iis 10 url rewrite 2.1');
    const offer = submitData(first).find((d) => d.action === 'escalate');
    assert.ok(offer, replyText(first));
    const replies = await press(app, 'c-unknown', offer);
    assert.match(replyText(replies), /ticket number is \*\*#1\*\*/);
    assert.equal((await app.escalation.service.tickets.get(1))?.trigger, 'unknown');
  });

  it('escalates after every plausible cause was tried, with "tried, did not help" on each', async () => {
    app = await startEscalationApp();
    let replies = await say(app, 'c-exhausted', 'static files return 500 with 0x80070542 after we enabled impersonation in web.config');
    for (let i = 0; i < 40; i++) {
      const actions = submitData(replies);
      const notIt = actions.find((d) => d.action === 'not_it');
      const escalate = actions.find((d) => d.action === 'escalate');
      if (!notIt && escalate) break;
      if (notIt) replies = await press(app, 'c-exhausted', notIt);
      else {
        const suggested = replies.find((a) => a.suggestedActions?.actions?.length)?.suggestedActions?.actions[0];
        const answer = actions.find((d) => d.action === 'answer');
        if (answer) replies = await press(app, 'c-exhausted', answer);
        else if (suggested) replies = await say(app, 'c-exhausted', String(suggested.value));
        else assert.fail(`stuck: ${replyText(replies)}`);
      }
    }
    const offer = submitData(replies).find((d) => d.action === 'escalate');
    assert.ok(offer);
    replies = await press(app, 'c-exhausted', offer);
    assert.match(replyText(replies), /ticket number is/);
    const ticket = (await app.escalation.service.tickets.list())[0];
    assert.equal(ticket.trigger, 'exhausted');
    const tried = ticket.packet.hypotheses.filter((h) => h.feedback === 'tried, did not help');
    assert.ok(tried.length > 0);
    assert.ok(ticket.packet.transcript.some((e) => e.from === 'bot') && ticket.packet.transcript.some((e) => e.from === 'user'));
  });

  it('keeps planted secrets out of the packet, the uploads and the transcript', async () => {
    app = await startEscalationApp();
    await say(app, 'c-secret', `identity impersonate="true" userName="CONTOSO\\svc_web" password="${SECRET}" and now every page returns 500.0 with 0x80070542`);
    const config = `<?xml version="1.0"?><configuration><system.web><identity impersonate="true" userName="CONTOSO\\svc" password="${SECRET}" /></system.web><connectionStrings><add name="db" connectionString="Server=sql1;User Id=app;Password=${SECRET};" /></connectionStrings></configuration>`;
    await say(app, 'c-secret', 'here is the config', {
      attachments: [{ contentType: 'application/octet-stream', name: 'web.config', contentUrl: `data:application/octet-stream;base64,${Buffer.from(config).toString('base64')}` }],
    });
    await say(app, 'c-secret', `Authorization: Basic ${Buffer.from(`bob:${SECRET}`).toString('base64')}`);
    await say(app, 'c-secret', 'Talk to an engineer');
    const ticket = (await app.escalation.service.tickets.list())[0];
    const json = JSON.stringify(ticket);
    assert.ok(!json.includes(SECRET), 'secret in the ticket');
    assert.ok(!json.includes(Buffer.from(`bob:${SECRET}`).toString('base64')), 'basic auth blob in the ticket');
    const file = ticket.packet.files.find((f) => f.name === 'web.config');
    assert.ok(file?.redactedText?.includes('impersonate'), 'the redacted copy of the upload is in the packet');
    assert.ok(file!.evidence.length > 0, 'with its parsed evidence');
    const res = await api(app.url, `/api/tickets/${ticket.id}`);
    assert.ok(!JSON.stringify(res.body).includes(SECRET));
  });

  it('relays the engineer\'s reply to the user after a restart between escalation and the reply', async () => {
    const dataDir = tempDir();
    app = await startEscalationApp({ dataDir });
    await say(app, 'c-restart', 'kerberos double hop fails, the backend sees ANONYMOUS LOGON');
    await say(app, 'c-restart', 'Talk to an engineer');
    await app.close();

    app = await startEscalationApp({ dataDir });
    const taken = await api(app.url, '/api/tickets/1/actions', { action: 'take', by: 'Dana' });
    assert.equal(taken.status, 200);
    const sent = await api(app.url, '/api/tickets/1/actions', { action: 'message', by: 'Dana', text: 'Is the app pool account trusted for delegation?' });
    assert.equal(sent.status, 200);
    // The terminal chat sees queued messages with its next turn; its words now go to the engineer, not the dialogs.
    const replies = await eventually(async () => {
      const r = await say(app!, 'c-restart', 'no, it is not trusted');
      return replyText(r).includes('trusted for delegation') ? r : undefined;
    });
    assert.match(replyText(replies), /Dana \(engineer\)/);
    assert.match(replyText(replies), /has taken ticket #1/);
    const ticket = await app.escalation.service.tickets.get(1);
    assert.ok(ticket!.messages.some((m) => m.from === 'user' && m.text.includes('not trusted')));

    await api(app.url, '/api/tickets/1/actions', { action: 'resolve', by: 'Dana', causeId: 'new', note: 'backend SPN missing' });
    const after = await say(app, 'c-restart', 'thanks!');
    assert.match(replyText(after), /Ticket #1 is resolved/);
    assert.equal((await app.escalation.service.tickets.get(1))?.live, false);
  });

  it('lets the user end the live handoff and go back to the bot', async () => {
    app = await startEscalationApp();
    await say(app, 'c-end', 'Talk to an engineer');
    const replies = await say(app, 'c-end', 'end handoff');
    assert.match(replyText(replies), /talking to the bot again/);
    assert.equal((await app.escalation.service.tickets.get(1))?.live, false);
    const refused = await api(app.url, '/api/tickets/1/actions', { action: 'message', by: 'Dana', text: 'hello?' });
    assert.equal(refused.status, 409);
  });

  it('says once that a message went to the engineers, and ends the live chat on "start over" as on "end handoff"', async () => {
    app = await startEscalationApp();
    await say(app, 'c-ack', 'Talk to an engineer');
    const first = await say(app, 'c-ack', 'hello? is anyone there');
    assert.match(replyText(first), /Sent to the engineers on ticket/);
    const second = await say(app, 'c-ack', 'the site is still down');
    assert.doesNotMatch(replyText(second), /Sent to the engineers/, 'not again before an engineer answers');
    assert.equal((await app.escalation.service.tickets.get(1))?.messages.filter((m) => m.from === 'user').length, 2);
    const back = await say(app, 'c-ack', 'start over');
    assert.match(replyText(back), /talking to the bot again/);
    assert.equal((await app.escalation.service.tickets.get(1))?.live, false);
  });

  it('protects the tickets API with the engineers\' key, and turns it off without one', async () => {
    app = await startEscalationApp();
    assert.equal((await api(app.url, '/api/tickets', undefined, '')).status, 401);
    assert.equal((await api(app.url, '/api/tickets', undefined, 'wrong-key-wrong-key-wrong')).status, 401);
    assert.equal((await api(app.url, '/api/tickets')).status, 200);
    assert.equal((await api(app.url, '/api/tickets/99')).status, 404);
    await app.close();
    app = await startEscalationApp({ escalation: { apiKey: undefined } });
    const off = await api(app.url, '/api/tickets');
    assert.equal(off.status, 404);
    assert.equal(off.body.error, 'disabled');
  });

  it('resolves with a look-alike id: not an identity problem, and which one', async () => {
    app = await startEscalationApp();
    await say(app, 'c-lookalike', 'Talk to an engineer');
    const res = await api(app.url, '/api/tickets/1/actions', { action: 'resolve', by: 'Dana', causeId: 'lookalike-disk-full', note: 'C: was full' });
    assert.equal(res.status, 200);
  });

  it('refuses to resolve with a cause id the knowledge base does not have', async () => {
    app = await startEscalationApp();
    await say(app, 'c-bad', 'Talk to an engineer');
    const res = await api(app.url, '/api/tickets/1/actions', { action: 'resolve', by: 'Dana', causeId: 'no-such-cause' });
    assert.equal(res.status, 400);
  });
});

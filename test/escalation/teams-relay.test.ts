// The Teams side with the real activity shapes of a 1:1 chat and of a channel thread: the ticket card goes to the
// engineers' channel (token from the identity platform, message through the Bot Connector), replies in the card's
// thread reach the user, the user's messages reach the thread, and the card's Take button moves the ticket.
import assert from 'node:assert/strict';
import nock from 'nock';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { postActivity } from '../bot/helpers/test-server.js';
import { SERVICE_URL, TENANT, mockConnector, mockIdentityPlatform, type PostedActivity } from './helpers/bot-connector-mock.js';
import { eventually, startEscalationApp, tempDir, type EscalationApp } from './helpers/escalation-app.js';

const APP_ID = '00000000-0000-0000-0000-0000000000b0';
const BOT = { id: `28:${APP_ID}`, name: 'SupportBot' };
const CHANNEL = '19:engineers0123@thread.tacv2';
const TEAM = '19:team0123@thread.tacv2';

function credentialedAdapter(): CloudAdapter {
  return new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-password', MicrosoftAppType: 'MultiTenant' } as ConfigurationBotFrameworkAuthenticationOptions),
  );
}

let seq = 0;
function personal(text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: `1:${++seq}`,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    timestamp: new Date(),
    text,
    textFormat: 'plain',
    from: { id: '29:1user-aad', name: 'Ursula User', aadObjectId: 'aad-user-1' },
    recipient: BOT,
    conversation: { id: 'a:1personal-conversation', conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-US',
    ...extra,
  };
}

/** A message in a channel thread, as Teams sends it: the bot is @mentioned and the id names the thread's root. */
function inThread(rootId: string | undefined, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    id: `${Date.now()}${++seq}`,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    timestamp: new Date(),
    text: `${mention} ${text}`,
    textFormat: 'plain',
    from: { id: '29:1engineer-aad', name: 'Dana Engineer', aadObjectId: 'aad-eng-1' },
    recipient: BOT,
    conversation: { id: rootId ? `${CHANNEL};messageid=${rootId}` : CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT, name: '' },
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
    channelData: { teamsChannelId: CHANNEL, teamsTeamId: TEAM, channel: { id: CHANNEL }, team: { id: TEAM }, tenant: { id: TENANT } },
    locale: 'en-US',
    ...extra,
  };
}

describe('escalation in Teams (nocked identity platform and Bot Connector)', function () {
  this.timeout(20_000);
  let app: EscalationApp | undefined;
  let posted: PostedActivity[];
  let identity: ReturnType<typeof mockIdentityPlatform>;

  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    identity = mockIdentityPlatform();
    posted = mockConnector();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && app) console.log(app.logLines.slice(-30).join('\n'));
    await app?.close();
    app = undefined;
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const to = (conversationId: string) => posted.filter((p) => p.conversationId === conversationId);
  const textTo = (conversationId: string) => to(conversationId).map((p) => String(p.body.text ?? '')).join('\n');

  async function post(activity: Partial<Activity>) {
    const res = await postActivity(app!.url, activity);
    assert.ok(res.status === 200 || res.status === 201, `HTTP ${res.status}`);
  }

  it('captures the channel with "engineers here", posts the ticket card, and relays both ways through its thread', async () => {
    const dataDir = tempDir();
    app = await startEscalationApp({ dataDir, proactiveAdapter: credentialedAdapter(), escalation: { botAppId: APP_ID } });
    await post(inThread(undefined, 'engineers here'));
    assert.match(textTo(CHANNEL), /now receives escalated tickets/);

    await post(personal('our sharepoint front end gets 401.1 with event 4625 sub status 0xC000006D after the password change'));
    await post(personal('Talk to an engineer'));
    assert.match(textTo('a:1personal-conversation'), /ticket number is \*\*#1\*\*/);

    // The card is posted into the channel (a new thread) with a token from the identity platform.
    const card = await eventually(() => to(CHANNEL).find((p) => Array.isArray(p.body.attachments)));
    const content = (card.body.attachments as { contentType: string; content: { actions: { title: string }[] } }[])[0];
    assert.equal(content.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(content.content.actions.slice(0, 2).map((a) => a.title), ['Take', 'Resolve']);
    assert.ok(identity.tokenRequests() >= 1);
    const ticket = await eventually(async () => (await app!.escalation.service.tickets.get(1))?.thread && app!.escalation.service.tickets.get(1));
    const rootId = /messageid=(\d+)$/.exec(ticket!.thread!.conversationId)![1];

    // Restart between the card and the engineer's reply: the references are in the store.
    await app.close();
    app = await startEscalationApp({ dataDir, proactiveAdapter: credentialedAdapter(), escalation: { botAppId: APP_ID } });

    await post(inThread(rootId, 'Hi Ursula, does klist show a ticket for HTTP/portal?'));
    await eventually(() => textTo('a:1personal-conversation').includes('klist show a ticket'));
    assert.match(textTo('a:1personal-conversation'), /Dana Engineer \(engineer\)/);
    assert.doesNotMatch(textTo('a:1personal-conversation'), /<at>/);

    await post(personal('klist shows no tickets at all'));
    const thread = `${CHANNEL};messageid=${rootId}`;
    await eventually(() => textTo(thread).includes('klist shows no tickets at all'));

    await post(inThread(rootId, '', { text: undefined, value: { escalation: 'take', ticketId: 1 } }));
    await eventually(() => textTo('a:1personal-conversation').includes('has taken ticket #1'));
    const after = await app.escalation.service.tickets.get(1);
    assert.equal(after?.status, 'taken');
    assert.equal(after?.takenBy, 'Dana Engineer');
    assert.deepEqual(
      after?.messages.map((m) => m.from),
      ['engineer', 'user'],
    );
  });

  it('accepts handoff.status events from a contact-centre hub and sends handoff.initiate with the packet', async () => {
    app = await startEscalationApp({ proactiveAdapter: credentialedAdapter(), escalation: { botAppId: APP_ID, handoffEvents: true } });
    await post(personal('Talk to an engineer'));
    const initiate = to('a:1personal-conversation').find((p) => p.body.type === 'event' && p.body.name === 'handoff.initiate');
    assert.ok(initiate, 'handoff.initiate sent');
    assert.equal((initiate.body.value as { ticketId: number }).ticketId, 1);
    assert.ok((initiate.body.attachments as { name?: string }[]).some((a) => a.name === 'Transcript'));

    await post(personal('', { type: 'event', name: 'handoff.status', value: { state: 'accepted' }, text: undefined }));
    assert.equal((await app.escalation.service.tickets.get(1))?.status, 'taken');
    await post(personal('', { type: 'event', name: 'handoff.status', value: { state: 'completed', message: 'solved by agent' }, text: undefined }));
    const done = await app.escalation.service.tickets.get(1);
    assert.equal(done?.status, 'closed');
    assert.equal(done?.live, false);
    await eventually(() => textTo('a:1personal-conversation').includes('Ticket #1 is closed'));
  });
});

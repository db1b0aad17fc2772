// The ticketing-system webhook: signed JSON, retried with backoff while the endpoint fails, and the ticket is
// never lost (it is stored before any delivery is tried).
import assert from 'node:assert/strict';
import nock from 'nock';
import { signBody, SIGNATURE_HEADER } from '../../bot/escalation/index.js';
import { messageActivity, postActivity, replyText } from '../bot/helpers/test-server.js';
import { eventually, startEscalationApp, type EscalationApp } from './helpers/escalation-app.js';

const HOOK = 'https://tickets.example.test';
const SECRET = 'webhook-secret-0123456789abcdef';

describe('escalation webhook', function () {
  this.timeout(30_000);
  let app: EscalationApp | undefined;
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('retries a failing endpoint with backoff until it accepts the signed ticket', async () => {
    const received: { body: string; signature: string; delivery: string }[] = [];
    let calls = 0;
    nock(HOOK)
      .persist()
      .post('/hooks/support')
      .reply(function (_uri, body) {
        calls += 1;
        if (calls <= 2) return [503, 'down for maintenance'];
        const raw = typeof body === 'string' ? body : JSON.stringify(body);
        received.push({ body: raw, signature: String(this.req.headers[SIGNATURE_HEADER]), delivery: String(this.req.headers['x-escalation-delivery']) });
        return [202, ''];
      });
    app = await startEscalationApp({ escalation: { webhook: { url: `${HOOK}/hooks/support`, secret: SECRET } } });
    const res = await postActivity(app.url, messageActivity('c-hook', 'Talk to an engineer'));
    assert.match(replyText(res.activities), /ticket number is \*\*#1\*\*/);
    // The ticket exists while the endpoint is still failing.
    assert.ok(await app.escalation.service.tickets.get(1));

    await eventually(() => received.length === 1);
    assert.equal(calls, 3);
    const { body, signature } = received[0];
    assert.equal(signature, signBody(SECRET, body));
    const payload = JSON.parse(body) as { event: string; ticket: { id: number; packet: { userWords: string[] } } };
    assert.equal(payload.event, 'ticket.created');
    assert.equal(payload.ticket.id, 1);
    const delivered = await eventually(async () => (await app!.escalation.service.outbox.forTicket(1)).find((d) => d.doneAt !== undefined));
    assert.equal(delivered.attempts, 3);
    assert.equal(delivered.failed, false);
  });

  it('resumes an undelivered webhook after a restart', async () => {
    nock(HOOK).post('/down').times(1000).reply(500);
    const { tempDir } = await import('./helpers/escalation-app.js');
    const dataDir = tempDir();
    app = await startEscalationApp({ dataDir, escalation: { webhook: { url: `${HOOK}/down`, secret: SECRET } } });
    await postActivity(app.url, messageActivity('c-hook2', 'Talk to an engineer'));
    await eventually(async () => ((await app!.escalation.service.outbox.forTicket(1))[0]?.attempts ?? 0) >= 2);
    await app.close();
    nock.cleanAll();
    const delivered: string[] = [];
    nock(HOOK)
      .post('/down')
      .reply(200, (_uri, body) => {
        delivered.push(JSON.stringify(body));
        return {};
      });
    app = await startEscalationApp({ dataDir, escalation: { webhook: { url: `${HOOK}/down`, secret: SECRET } } });
    await eventually(() => delivered.length === 1);
    assert.match(delivered[0], /ticket\.created/);
  });
});

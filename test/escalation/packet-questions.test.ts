// "The questions asked and answers": the packet lists every question the bot put to the user, in the order asked,
// with its answer or "not answered" — in the stored ticket, the webhook body and the labelled-case export.
import assert from 'node:assert/strict';
import nock from 'nock';
import { buildPacket, labelledCases, NOT_ANSWERED, type Ticket } from '../../bot/escalation/index.js';
import { emptyCase, type Case } from '../../knowledge/index.js';
import { recordAsked } from '../../knowledge/case.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { messageActivity, postActivity, replyText } from '../bot/helpers/test-server.js';
import { eventually, startEscalationApp, type EscalationApp } from './helpers/escalation-app.js';

const DOUBLE_HOP =
  "our intranet app impersonates the user and calls sql server on another machine: Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'";
const HOOK = 'https://tickets.example.test';

describe('packet questions: asked, answered or not', function () {
  this.timeout(60_000);
  const kb = bundledKnowledgeBase();

  it("takes the environment from the user's words, not from the rows of a pasted klist or whoami", () => {
    const c: Case = emptyCase();
    c.texts.push('IIS 10 on web01.contoso.com, delegation to sql fails. klist says:\n\nCached Tickets: (1)\n\n#0>\tClient: alice @ CONTOSO.COM\n\tServer: krbtgt/CONTOSO.COM @ CONTOSO.COM\n\tKerbTicket Encryption Type: AES-256-CTS-HMAC-SHA1-96\n\tTicket Flags 0x40e10000 -> forwardable renewable initial pre_authent\n');
    const packet = buildPacket({ kb, case: c, channel: 'test', transcript: [], uploads: [] });
    const values = packet.entities.map((e) => `${e.type}:${e.value}`);
    assert.ok(values.some((v) => /^host:web01\.contoso\.com$/i.test(v)), values.join(', '));
    assert.ok(!values.some((v) => /0x40e10000/i.test(v)), values.join(', '));
  });

  it('lists asked questions in order with the answer label or "not answered", then answers to unlisted questions', () => {
    const [first, second, third] = [...kb.questions.values()];
    const c: Case = emptyCase();
    c.texts.push('our intranet returns 401 for everyone');
    recordAsked(c, first);
    recordAsked(c, second);
    recordAsked(c, first); // asked again (a reprompt): still one entry
    c.answers[second.id] = second.answers[0].value;
    c.answers[third.id] = third.answers[0].value;

    const packet = buildPacket({ kb, case: c, channel: 'test', transcript: [], uploads: [] });
    assert.deepEqual(
      packet.questions.map((q) => [q.id, q.answer, q.answered]),
      [
        [first.id, NOT_ANSWERED, false],
        [second.id, second.answers[0].label, true],
        [third.id, third.answers[0].label, true],
      ],
    );
    assert.equal(packet.questions[0].value, undefined);
    assert.equal(packet.questions[0].question, first.text);
    assert.match(packet.summary, /1 question\(s\) asked and not answered/);

    // An unanswered question gives the evaluation set no answer value.
    const ticket = { id: 7, status: 'resolved', resolution: { causeId: 'kerberos-double-hop-ntlm', at: '2024-01-01T00:00:00Z' }, packet } as unknown as Ticket;
    assert.deepEqual(labelledCases([ticket])[0].answers, { [second.id]: second.answers[0].value, [third.id]: third.answers[0].value });
    // Resolved as a look-alike: not an identity problem, which the evaluation labels "unknown".
    const notIdentity = { ...ticket, resolution: { causeId: 'lookalike-disk-full', at: '2024-01-01T00:00:00Z' } } as unknown as Ticket;
    const [exported] = labelledCases([notIdentity], new Set(['lookalike-disk-full']));
    assert.equal(exported.expect, 'unknown');
    assert.match(exported.notes, /Not an identity problem: lookalike-disk-full\./);
  });

  describe('through the real dialogs', () => {
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

    it('keeps a question the user never answered in the ticket and the webhook body', async () => {
      const bodies: string[] = [];
      nock(HOOK)
        .persist()
        .post('/hook')
        .reply((_uri, body) => {
          bodies.push(typeof body === 'string' ? body : JSON.stringify(body));
          return [202, ''];
        });
      app = await startEscalationApp({ escalation: { webhook: { url: `${HOOK}/hook`, secret: 'webhook-secret-0123456789abcdef' } } });
      const say = async (text: string) => replyText((await postActivity(app!.url, messageActivity('c-asked', text))).activities);
      const question = kb.questions.get('works-locally-not-remote');
      assert.ok(question, 'precondition: the double hop question exists');
      assert.match(await say(DOUBLE_HOP), new RegExp(question.text.slice(0, 40).replace(/[?()]/g, '\\$&')));
      assert.match(await say('talk to a human'), /ticket number is \*\*#1\*\*/);

      const ticket = await app.escalation.service.tickets.get(1);
      assert.deepEqual(ticket?.packet.questions, [{ id: question.id, question: question.text, answer: NOT_ANSWERED, answered: false }]);
      const payload = JSON.parse(await eventually(() => bodies[0])) as { ticket: { packet: { questions: unknown[] } } };
      assert.deepEqual(payload.ticket.packet.questions, ticket?.packet.questions);
    });

    it('keeps the answer label of a question the user answered', async () => {
      app = await startEscalationApp();
      const say = async (text: string) => replyText((await postActivity(app!.url, messageActivity('c-answered', text))).activities);
      const question = kb.questions.get('works-locally-not-remote')!;
      await say(DOUBLE_HOP);
      await say(question.answers[0].label);
      assert.match(await say('talk to a human'), /ticket number is \*\*#1\*\*/);
      const ticket = await app.escalation.service.tickets.get(1);
      assert.deepEqual(ticket?.packet.questions, [
        { id: question.id, question: question.text, answer: question.answers[0].label, value: question.answers[0].value, answered: true },
      ]);
    });
  });
});

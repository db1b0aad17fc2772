import assert from 'node:assert/strict';
import {
  allText,
  askedAnswers,
  cards,
  createHarness,
  engineDiagnosis,
  shownCauseId,
  submitData,
} from './helpers/harness.js';

const DOUBLE_HOP =
  "our intranet app impersonates the user and calls sql server on another machine: Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'";

/** The engine's first question for the double hop: the one the bot must be asking. */
function doubleHopQuestion() {
  const q = engineDiagnosis([DOUBLE_HOP]).question;
  assert.ok(q, 'precondition: the engine asks a follow-up question for this double hop');
  return q;
}
const MBAM = 'our mbam portal shows only text, every file but index.html returns 500 with 0x80070542';

describe('Main dialog interruptions', () => {
  it('cancels in the middle of a question: the case is closed and the next message starts a new one', async () => {
    const bot = createHarness();
    const q = doubleHopQuestion();
    assert.deepEqual(
      askedAnswers(await bot.say(DOUBLE_HOP)),
      q.answers.map((a) => a.label),
      'a question is pending',
    );
    const cancelled = await bot.say('cancel');
    assert.equal(cards(cancelled).length, 0);
    assert.match(allText(cancelled), /stopped/);
    assert.deepEqual((await bot.storedCase())?.texts, [], 'the case is closed');
    // The old question's answer is now just words of a new case, not an answer.
    await bot.say(q.answers[0].label);
    assert.deepEqual((await bot.storedCase())?.answers, {});
  });

  it('escalates in the middle without a handoff service: says it is not configured, claims no ticket, gives the redacted summary', async () => {
    const bot = createHarness();
    await bot.say(`${MBAM}. our service account password is Password=Hunter2Secret!`);
    const replies = await bot.say({
      value: { action: 'escalate', causeId: 'seimpersonate-privilege-removed' },
    });
    const text = allText(replies);
    assert.match(text, /not configured on this bot instance/);
    assert.match(text, /no ticket was created/);
    assert.doesNotMatch(text, /ticket (T-|#)\d/);
    assert.match(text, /Case summary/);
    assert.match(text, /mbam portal/);
    assert.doesNotMatch(text, /Hunter2Secret/);
    // The case goes on: feedback on the shown cause still works afterwards.
    await bot.say('That fixed it');
    assert.deepEqual(
      bot.feedback.map((f) => f.outcome),
      ['fixed'],
    );
  });

  it('hands the case to the escalation service when one is configured, in the middle of a question', async () => {
    const bot = createHarness({ withEscalation: true });
    await bot.say(DOUBLE_HOP);
    const replies = await bot.say('talk to an engineer');
    assert.match(allText(replies), /ticket T-1 created/);
    assert.equal(bot.escalated.length, 1);
    assert.match(bot.escalated[0].texts[0], /ANONYMOUS LOGON/);
  });

  it('answers help in the middle of a question and asks the question again', async () => {
    const bot = createHarness();
    const q = doubleHopQuestion();
    await bot.say(DOUBLE_HOP);
    const replies = await bot.say('help');
    assert.match(allText(replies), /What I can do/);
    assert.deepEqual(
      askedAnswers(replies),
      q.answers.map((a) => a.label),
      'the pending question is asked again',
    );
    await bot.say(q.answers[0].label);
    assert.equal((await bot.storedCase())?.answers[q.id], q.answers[0].value);
  });

  it('starts over on "start over": the old case is forgotten', async () => {
    const bot = createHarness();
    await bot.say(MBAM);
    const replies = await bot.say('start over');
    assert.match(allText(replies), /new, empty case/);
    const afterRestart = await bot.say('our IIS site has a problem since monday');
    assert.equal(shownCauseId(afterRestart), undefined, 'nothing of the MBAM case is left');
  });

  it('answers a concept question in the middle of a case from the knowledge base, and the case goes on', async () => {
    const bot = createHarness();
    await bot.say(MBAM);
    const replies = await bot.say('how do I capture a FREB trace');
    const card = cards(replies)[0];
    assert.ok(card);
    assert.match(JSON.stringify(card), /concept-failed-request-tracing/);
    await bot.say({ value: { action: 'not_it', causeId: 'seimpersonate-privilege-removed' } });
    assert.deepEqual(
      bot.feedback.map((f) => f.causeId),
      ['seimpersonate-privilege-removed'],
    );
  });

  it('explains in a group chat that files only arrive in a 1:1 chat', async () => {
    const bot = createHarness();
    const replies = await bot.say({
      channelId: 'msteams',
      text: 'can I send you the trace file?',
      conversation: { id: 'group-1', conversationType: 'groupChat', isGroup: true, name: '' },
    });
    assert.match(allText(replies), /1:1 chat/);
    assert.match(allText(replies), /paste/);
  });

  it('asks questions in Teams group chats with card buttons (suggested actions do not show there)', async () => {
    const bot = createHarness();
    const replies = await bot.say({
      channelId: 'msteams',
      text: DOUBLE_HOP,
      conversation: { id: 'group-2', conversationType: 'groupChat', isGroup: true, name: '' },
    });
    const answers = cards(replies)
      .flatMap(submitData)
      .filter((d) => d.action === 'answer');
    assert.deepEqual(
      answers.map((a) => a.value),
      doubleHopQuestion().answers.map((a) => a.value),
    );
  });

  it('reads a Teams messageBack whose value is the button data as a JSON string', async () => {
    const bot = createHarness();
    const causeId = shownCauseId(await bot.say('HTTP Error 500.24 - Internal Server Error'));
    await bot.say({ text: 'Not it', value: JSON.stringify({ action: 'not_it', causeId }) });
    assert.deepEqual(bot.feedback, [{ causeId, outcome: 'not_fixed', conversationId: 'Convo1' }]);
  });

  it('greets new members with what it can read and that secrets are redacted', async () => {
    const bot = createHarness();
    const replies = await bot.say({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user1', name: 'User' }],
    });
    const text = allText(replies);
    for (const what of [/FailedReqLogFiles/, /HTTPERR/, /event-log exports \(XML, CSV/, /web\.config/, /HAR/, /whoami \/priv/, /setspn/, /klist/, /redacted/])
      assert.match(text, what);
  });
});

import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import {
  allText,
  askedAnswers,
  cards,
  createHarness,
  engineDiagnosis,
  fixtureAttachment,
  shownCauseId,
  submitData,
} from './helpers/harness.js';

const MBAM_SYMPTOM = 'our mbam portal shows only text, every file but index.html returns 500';
const DOUBLE_HOP =
  "our intranet app impersonates the user and calls sql server on another machine: Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'";

function causeCard(replies: Partial<Activity>[]): Record<string, unknown> {
  const card = cards(replies).find((c) => submitData(c).some((d) => d.action === 'fixed'));
  assert.ok(card, `expected a cause card in: ${allText(replies).slice(0, 500)}`);
  return card;
}

describe('Diagnose dialog', () => {
  it('builds the MBAM case from a symptom, then a code, then a FREB trace, keeping SeImpersonatePrivilege on top', async () => {
    const bot = createHarness();
    assert.equal(shownCauseId(await bot.say(MBAM_SYMPTOM)), 'seimpersonate-privilege-removed');

    const afterCode = await bot.say('the error code is 0x80070542');
    assert.equal(shownCauseId(afterCode), 'seimpersonate-privilege-removed');
    assert.match(JSON.stringify(causeCard(afterCode)), /0x80070542/);

    const afterTrace = await bot.say({
      attachments: [fixtureAttachment('fixtures/ingest/freb/mbam-static-500-0x80070542.xml')],
    });
    assert.equal(shownCauseId(afterTrace), 'seimpersonate-privilege-removed');
    // The card now cites the trace file itself.
    assert.match(JSON.stringify(causeCard(afterTrace)), /mbam-static-500-0x80070542\.xml/);
  });

  it('shows the cause card with the four feedback buttons, numbered steps and the verify section', async () => {
    const bot = createHarness();
    const card = causeCard(await bot.say('HTTP Error 500.24 - Internal Server Error'));
    const actions = submitData(card).map((d) => d.action);
    assert.deepEqual(
      actions.filter((a) => a !== 'show_all'),
      ['fixed', 'not_it', 'escalate'],
    );
    const json = JSON.stringify(card);
    assert.match(json, /identity-impersonate-integrated-500-24/);
    assert.match(json, /"text":"1\. "/);
    assert.match(json, /How to verify/);
    assert.match(json, /"fontType":"Monospace"/);
  });

  it("asks the engine's follow-up questions for a double hop, with suggested replies, until it can name a cause", async () => {
    const first = engineDiagnosis([DOUBLE_HOP]);
    assert.ok(first.question, 'precondition: the engine needs a follow-up question for this double hop');
    assert.ok(first.hypotheses.some((h) => h.id === 'kerberos-double-hop-ntlm'));
    const bot = createHarness();
    let replies = await bot.say(DOUBLE_HOP);
    assert.equal(shownCauseId(replies), undefined, 'a question comes before any verdict');
    const answers: Record<string, string> = {};
    for (let turn = 0; turn < 8; turn++) {
      const d = engineDiagnosis([DOUBLE_HOP], answers);
      if (!d.question) {
        assert.equal(shownCauseId(replies), d.hypotheses[0].id);
        break;
      }
      assert.deepEqual(
        askedAnswers(replies),
        d.question.answers.map((a) => a.label),
      );
      // Picked the way Web Chat sends a suggested action: its label as text (imBack).
      answers[d.question.id] = d.question.answers[0].value;
      replies = await bot.say(d.question.answers[0].label);
    }
    assert.ok(shownCauseId(replies), 'a cause is shown in the end');
    assert.deepEqual((await bot.storedCase())?.answers, answers, 'the answers are kept in the case');
  });

  it('accepts an answer as a card button (Action.Submit)', async () => {
    const q = engineDiagnosis([DOUBLE_HOP]).question;
    assert.ok(q);
    const bot = createHarness();
    await bot.say(DOUBLE_HOP);
    const picked = q.answers[1];
    const replies = await bot.say({ value: { action: 'answer', questionId: q.id, value: picked.value } });
    assert.equal((await bot.storedCase())?.answers[q.id], picked.value);
    const d = engineDiagnosis([DOUBLE_HOP], { [q.id]: picked.value });
    if (d.question)
      assert.deepEqual(
        askedAnswers(replies),
        d.question.answers.map((a) => a.label),
      );
    else assert.equal(shownCauseId(replies), d.hypotheses[0].id);
  });

  it('rules a cause out on "Not it", records the feedback, and moves to the next cause', async () => {
    const bot = createHarness();
    await bot.say(MBAM_SYMPTOM);
    const first = shownCauseId(await bot.say('the error code is 0x80070542'));
    assert.equal(first, 'seimpersonate-privilege-removed');
    const next = await bot.say({ value: { action: 'not_it', causeId: first } });
    const second = shownCauseId(next);
    assert.ok(second && second !== first, 'a different cause is shown');
    assert.match(JSON.stringify(causeCard(next)), /Next most likely cause/);
    assert.deepEqual(bot.feedback, [{ causeId: first, outcome: 'not_fixed', conversationId: 'Convo1' }]);
    // Typed feedback refers to the cause shown last.
    const third = await bot.say('that did NOT fix it');
    assert.notEqual(shownCauseId(third), second);
    assert.deepEqual(
      bot.feedback.map((f) => f.causeId),
      [first, second],
    );
  });

  it('brings a ruled-out cause back when a trace uploaded afterwards points straight at it, and says why', async () => {
    const bot = createHarness();
    assert.equal(shownCauseId(await bot.say(MBAM_SYMPTOM)), 'seimpersonate-privilege-removed');
    const next = await bot.say({ value: { action: 'not_it', causeId: 'seimpersonate-privilege-removed' } });
    assert.notEqual(shownCauseId(next), 'seimpersonate-privilege-removed');

    const afterTrace = await bot.say({ attachments: [fixtureAttachment('fixtures/ingest/freb/mbam-static-500-0x80070542.xml')] });
    assert.equal(shownCauseId(afterTrace), 'seimpersonate-privilege-removed');
    assert.match(allText(afterTrace), /You ruled out "IIS_IUSRS lacks .*" earlier, but what you sent since points straight at it/);
    assert.match(JSON.stringify(causeCard(afterTrace)), /mbam-static-500-0x80070542\.xml, event \d+/);
    assert.deepEqual((await bot.storedCase())?.ruledOut, [], 'back in play');

    // Ruled out a second time, the same trace does not bring it back again.
    const again = await bot.say({ value: { action: 'not_it', causeId: 'seimpersonate-privilege-removed' } });
    assert.notEqual(shownCauseId(again), 'seimpersonate-privilege-removed');
    assert.doesNotMatch(allText(again), /points straight at it/);
    const afterWords = await bot.say('we also see it on the helpdesk portal');
    assert.notEqual(shownCauseId(afterWords), 'seimpersonate-privilege-removed');
  });

  it('records "That fixed it" for the shown cause and closes the case', async () => {
    const bot = createHarness();
    const causeId = shownCauseId(await bot.say('HTTP Error 500.24 - Internal Server Error'));
    await bot.say('That fixed it');
    assert.deepEqual(bot.feedback, [{ causeId, outcome: 'fixed', conversationId: 'Convo1' }]);
    // A new problem starts from an empty case: nothing of the 500.24 remains.
    assert.equal(shownCauseId(await bot.say(MBAM_SYMPTOM)), 'seimpersonate-privilege-removed');
  });

  it('takes a statement about the setup after a cause card as more of the case, not as "That fixed it"', async () => {
    const bot = createHarness();
    causeCard(await bot.say('users on the intranet get a login prompt and then HTTP Error 401.1 - Unauthorized'));
    const replies = await bot.say('it is kernel mode');
    assert.deepEqual(bot.feedback, []);
    assert.doesNotMatch(allText(replies), /glad/i);
    causeCard(replies);
  });

  it('adds "works from home" mid-case to the case instead of answering it as a greeting', async () => {
    const bot = createHarness();
    await bot.say('users on the intranet get a login prompt and then HTTP Error 401.1 - Unauthorized');
    const replies = await bot.say('works from home');
    assert.doesNotMatch(allText(replies), /^Hi!/);
    assert.ok((await bot.storedCase())?.texts.includes('works from home'), JSON.stringify((await bot.storedCase())?.texts));
  });

  it('closes the case on "it works now, thanks" before any cause was shown, crediting no cause', async () => {
    const bot = createHarness();
    await bot.say('our sharepoint site keeps asking for a password');
    const replies = await bot.say('it works now, thanks');
    assert.match(allText(replies), /Glad it works now/);
    assert.deepEqual(bot.feedback, []);
    assert.deepEqual((await bot.storedCase())?.texts ?? [], [], 'the case is closed');
  });

  it('reads "no idea" to a pending question as its "not sure" answer, never as "Not it"', async () => {
    const bot = createHarness();
    const q = engineDiagnosis([DOUBLE_HOP]).question;
    assert.ok(q && q.answers.some((a) => /not sure|don't know|unknown|not checked/i.test(a.label) || a.value === 'unknown'), 'precondition: a question with a not-sure answer');
    await bot.say(DOUBLE_HOP);
    await bot.say('no idea');
    assert.deepEqual(bot.feedback, []);
    const c = await bot.storedCase();
    assert.ok(c?.answers[q.id] !== undefined, JSON.stringify(c?.answers));
    assert.deepEqual(c?.ruledOut, []);
  });

  it('ignores a button of a closed case\'s card, and says so, instead of closing the current case', async () => {
    const bot = createHarness();
    const old = shownCauseId(await bot.say('HTTP Error 500.24 - Internal Server Error'));
    await bot.say('That fixed it');
    assert.equal(shownCauseId(await bot.say(MBAM_SYMPTOM)), 'seimpersonate-privilege-removed');
    const replies = await bot.say({ value: { action: 'fixed', causeId: old } });
    assert.match(allText(replies), /earlier case/);
    assert.equal(bot.feedback.length, 1, JSON.stringify(bot.feedback));
    assert.ok(((await bot.storedCase())?.texts ?? []).includes(MBAM_SYMPTOM), 'the current case stays open');
    const notIt = await bot.say({ value: { action: 'not_it', causeId: old } });
    assert.match(allText(notIt), /earlier case/);
    assert.deepEqual((await bot.storedCase())?.ruledOut, []);
  });

  it('answers "what does kernel mode authentication mean?" mid-case from its article, keeps it out of the case, and keeps the question', async () => {
    const bot = createHarness();
    const first = 'users get KRB_AP_ERR_MODIFIED on the intranet site';
    assert.equal(engineDiagnosis([first]).question?.id, 'kernel-mode-auth', 'precondition: the engine asks about kernel mode');
    await bot.say(first);
    const replies = await bot.say('what does kernel mode authentication mean?');
    assert.match(allText(replies), /Kernel-mode authentication/);
    assert.deepEqual((await bot.storedCase())?.texts, [first]);
    await bot.say('kernel mode is off');
    assert.equal((await bot.storedCase())?.answers['kernel-mode-auth'], 'kernel-off');
  });

  it('offers an engineer once every plausible cause is ruled out', async () => {
    const bot = createHarness();
    let replies = await bot.say('HTTP Error 500.24 - Internal Server Error');
    for (let i = 0; i < 10 && shownCauseId(replies); i++)
      replies = await bot.say({ value: { action: 'not_it', causeId: shownCauseId(replies) } });
    assert.equal(shownCauseId(replies), undefined);
    const offer = cards(replies).find((c) => submitData(c).some((d) => d.action === 'escalate'));
    assert.ok(offer, 'an engineer is offered');
    assert.match(JSON.stringify(offer), /ruled out every cause/);
  });

  it('says honestly that it does not know an unknown problem, says what would help, offers an engineer and how to capture a trace', async () => {
    const bot = createHarness();
    const replies = await bot.say('our IIS site has a problem since monday');
    assert.equal(shownCauseId(replies), undefined);
    const offer = cards(replies).find((c) => submitData(c).some((d) => d.action === 'escalate'));
    assert.ok(offer);
    assert.match(JSON.stringify(offer), /cannot tell the cause/);
    const guide = replies.find((r) => /FailedReqLogFiles/.test(r.text ?? '') && /\n1\. /.test(r.text ?? ''));
    assert.ok(guide, 'step-by-step capture instructions from the knowledge base');
  });

  it('says a crashing worker process is not an identity problem, shows what in the case shows it and what to check, and still offers an engineer', async () => {
    const bot = createHarness();
    const replies = await bot.say(
      'Quotes pool keeps stopping with 503. Application log: Faulting application name: w3wp.exe, Exception code: 0xc00000fd. Is the service account locked?',
    );
    assert.equal(shownCauseId(replies), 'lookalike-worker-process-crash', 'the look-alike is shown, no identity cause');
    const offer = cards(replies).find((c) => submitData(c).some((d) => d.action === 'escalate'));
    assert.ok(offer, 'an engineer is offered');
    const text = JSON.stringify(offer);
    assert.match(text, /This does not look like an identity problem/);
    assert.match(text, /The worker process crashes/);
    assert.match(text, /STATUS_STACK_OVERFLOW/);
    assert.match(text, /procdump/);
    assert.ok(!replies.some((r) => /FailedReqLogFiles/.test(r.text ?? '')), 'no Failed Request Trace guide: the look-alike says what to check');
  });

  it('after "Not it" on a look-alike with no identity cause behind it, says it cannot tell (no cause was ruled out) and offers an engineer', async () => {
    const bot = createHarness();
    await bot.say('Quotes pool keeps stopping with 503. Application log: Faulting application name: w3wp.exe, Exception code: 0xc00000fd.');
    const after = await bot.say({ value: { action: 'not_it', causeId: 'lookalike-worker-process-crash' } });
    const offer = JSON.stringify(cards(after).find((c) => submitData(c).some((d) => d.action === 'escalate')));
    assert.match(offer, /cannot tell the cause/);
    assert.doesNotMatch(offer, /ruled out/);
  });

  it('"Not it" on a look-alike rules it out and brings back the identity causes it kept out', async () => {
    const bot = createHarness();
    const first = await bot.say('Users get HTTP 404.13 when they upload scans, but also 401.1 with 0xC000006D for some of them. Pool is fine.');
    assert.equal(shownCauseId(first), 'lookalike-request-too-large');
    const after = await bot.say({ value: { action: 'not_it', causeId: 'lookalike-request-too-large' } });
    const text = allText(after);
    assert.ok(!/does not look like an identity problem/.test(JSON.stringify(after)), 'the look-alike is not shown again');
    // The identity causes are back: the next cause, or the question that tells the two leading ones apart.
    const next = shownCauseId(after);
    assert.ok((next && !next.startsWith('lookalike-')) || /\?/.test(text), text.slice(0, 600));
    const list = cards(await bot.say({ value: { action: 'show_all' } }))[0];
    assert.ok(submitData(list).some((d) => d.causeId === 'account-logon-failed-401-1'), JSON.stringify(submitData(list)));
  });

  it('lists all causes and opens one picked from the list', async () => {
    const bot = createHarness();
    await bot.say(MBAM_SYMPTOM);
    await bot.say('the error code is 0x80070542');
    const list = cards(await bot.say({ value: { action: 'show_all' } }))[0];
    const picks = submitData(list).filter((d) => d.action === 'show_cause');
    assert.ok(picks.length >= 2);
    assert.equal(shownCauseId(await bot.say({ value: picks[1] })), picks[1].causeId);
    // A typed number picks from the same list.
    assert.equal(shownCauseId(await bot.say('1')), picks[0].causeId);
  });

  it('reports a file it could not read by name and goes on with the rest', async () => {
    const bot = createHarness();
    const replies = await bot.say({
      text: MBAM_SYMPTOM,
      attachments: [
        {
          contentType: 'application/zip',
          name: 'FailedReqLogFiles.zip',
          contentUrl: 'https://files.example.com/x.zip',
        },
      ],
    });
    assert.match(allText(replies), /FailedReqLogFiles\.zip/);
    assert.equal(shownCauseId(replies), 'seimpersonate-privilege-removed');
  });
});

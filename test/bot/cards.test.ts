import assert from 'node:assert/strict';
import {
  allCausesReply,
  caseSummaryMarkdown,
  causeReply,
  engineerOfferReply,
  explanationReply,
  parseCardAction,
  questionReply,
  TEAMS_MESSAGE_LIMIT_BYTES,
  type CauseView,
} from '../../bot/cards/index.js';
import {
  addMessage,
  diagnose,
  emptyCase,
  type CitedEvidence,
  type Hypothesis,
} from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { cardProblems } from '../dialogs/helpers/adaptive-card-validator.js';

const kb = bundledKnowledgeBase();

function hypothesisOf(id: string): Hypothesis {
  const e = kb.causes.find((c) => c.id === id);
  assert.ok(e, id);
  return {
    id: e.id,
    title: e.title,
    confidence: 0.81,
    confidenceLabel: 'high',
    evidence: [
      {
        citation: 'fr000041.xml, event 14: StaticFileModule set 500, ErrorCode 0x80070542',
        meaning: 'the impersonation-level error',
        weight: 8,
        source: { file: 'fr000041.xml', event: 14 },
        excerpt: 'ModuleName="StaticFileModule" ErrorCode="0x80070542"',
      },
      {
        citation: 'u_ex240501.log, line 7: GET /site.css 500 0 1346',
        meaning: 'static files fail',
        weight: 3,
        source: { file: 'u_ex240501.log', line: 7 },
        excerpt: '2024-05-01 10:00:00 GET /site.css - 443 - 500 0 1346',
      },
    ],
    explanation: e.why,
    steps: e.steps,
    verify: e.verify,
    references: e.references,
  };
}

/** 40 evidence items and very long steps: the card must still fit, with the rest behind "Show more". */
function hugeHypothesis(): Hypothesis {
  const base = hypothesisOf('seimpersonate-privilege-removed');
  const evidence: CitedEvidence[] = Array.from({ length: 40 }, (_, i) => ({
    citation: `fr${String(i).padStart(6, '0')}.xml, event ${i + 3}: MODULE_SET_RESPONSE_ERROR_STATUS ${'x'.repeat(180)}`,
    meaning: `meaning ${i} ${'m'.repeat(150)}`,
    weight: 40 - i,
    source: { file: `fr${String(i).padStart(6, '0')}.xml`, event: i + 3 },
    excerpt: `<Data Name="ErrorCode">0x80070542</Data> ${'e'.repeat(400)}`,
  }));
  const longStep = (n: number) =>
    `Run \`appcmd list config /section:system.webServer/security/authentication/windowsAuthentication\` on server ${n} and ${'check the value carefully '.repeat(120)}`;
  return {
    ...base,
    evidence,
    steps: Array.from({ length: 25 }, (_, i) => longStep(i + 1)),
    explanation: `${base.explanation}\n\n${'Long explanation. '.repeat(800)}`,
    verify: 'Verify. '.repeat(600),
  };
}

const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');

describe('cards: cause card', () => {
  it('is valid Adaptive Cards 1.5 for every cause in the knowledge base', () => {
    for (const cause of kb.causes) {
      const reply = causeReply({ hypothesis: hypothesisOf(cause.id), rank: 1, total: 3 });
      assert.deepEqual(cardProblems(reply.card), [], cause.id);
    }
  });

  it('stays under 28 KB with 40 evidence items and very long steps, the rest behind "Show more"', () => {
    const card = causeReply({ hypothesis: hugeHypothesis(), rank: 1, total: 2 }).card;
    assert.ok(bytes(card) < TEAMS_MESSAGE_LIMIT_BYTES, `${bytes(card)} bytes`);
    assert.deepEqual(cardProblems(card), []);
    const json = JSON.stringify(card);
    assert.match(json, /"isVisible":false/);
    assert.match(json, /"type":"Action.ToggleVisibility","title":"Show more"/);
    // Shortened, and says so, rather than silently dropping: the cut parts are marked.
    assert.match(json, /…/);
  });

  it('shows title, confidence in words, cited evidence (file and event/line), why, numbered steps with monospace commands, and verify', () => {
    const h = hypothesisOf('seimpersonate-privilege-removed');
    const json = JSON.stringify(causeReply({ hypothesis: h, rank: 1, total: 1 }).card);
    assert.ok(json.includes(JSON.stringify(h.title).slice(1, -1)));
    assert.match(json, /High confidence/);
    assert.match(json, /fr000041\.xml, event 14/);
    assert.match(json, /u_ex240501\.log, line 7/);
    assert.match(json, /Why it happens/);
    assert.match(json, /"text":"1\. "/);
    assert.match(json, /"text":"gpupdate \/force","fontType":"Monospace"/);
    assert.match(json, /How to verify/);
  });

  it('carries the cause id in the buttons, and "Show all causes" only when there is more than one', () => {
    const h = hypothesisOf('spn-missing');
    const one = causeReply({ hypothesis: h, rank: 1, total: 1 }).card.actions ?? [];
    const many = causeReply({ hypothesis: h, rank: 1, total: 3 }).card.actions ?? [];
    assert.deepEqual(
      one.map((a) => a.title),
      ['That fixed it', 'Not it, next cause', 'Talk to an engineer'],
    );
    assert.deepEqual(
      many.map((a) => a.title),
      ['That fixed it', 'Not it, next cause', 'Show all causes', 'Talk to an engineer'],
    );
    for (const a of one) assert.equal(a.type === 'Action.Submit' && a.data.causeId, 'spn-missing');
  });
});

describe('cards: Markdown fallback', () => {
  it('contains the same steps and citations as the card', () => {
    const view: CauseView = {
      hypothesis: hypothesisOf('seimpersonate-privilege-removed'),
      rank: 1,
      total: 2,
    };
    const md = causeReply(view).markdown;
    view.hypothesis.steps.forEach((s, i) =>
      assert.ok(md.includes(`${i + 1}. ${s.split('\n')[0]}`), `step ${i + 1}`),
    );
    for (const e of view.hypothesis.evidence) assert.ok(md.includes(e.citation));
    assert.ok(md.includes(view.hypothesis.verify));
    assert.match(md, /"That fixed it", "Not it, next cause", "Show all causes", "Talk to an engineer"/);
  });

  it('stays within the message limit for a huge hypothesis, citations first', () => {
    const h = hugeHypothesis();
    const md = causeReply({ hypothesis: h, rank: 1, total: 1 }).markdown;
    assert.ok(Buffer.byteLength(md) < TEAMS_MESSAGE_LIMIT_BYTES);
    assert.ok(md.includes(h.evidence[0].citation));
  });
});

describe('cards: the other replies', () => {
  const c = addMessage(
    emptyCase(),
    'our mbam portal shows only text, every file but index.html returns 500 with 0x80070542',
  );
  const d = diagnose(kb, c);

  it('builds a valid all-causes card with one "Show this cause" per cause', () => {
    const reply = allCausesReply({ hypotheses: d.hypotheses, ruledOut: ['Something ruled out'] });
    assert.deepEqual(cardProblems(reply.card), []);
    const json = JSON.stringify(reply.card);
    for (const h of d.hypotheses) assert.ok(json.includes(`"causeId":"${h.id}"`));
    for (const h of d.hypotheses) assert.ok(reply.markdown.includes(h.title));
  });

  it('builds valid question, explanation and engineer-offer cards', () => {
    for (const q of kb.questions.values()) {
      const reply = questionReply({ id: q.id, text: q.text, why: q.why, answers: q.answers });
      assert.deepEqual(cardProblems(reply.card), [], q.id);
      for (const a of q.answers) assert.ok(reply.markdown.includes(a.label));
    }
    for (const k of kb.concepts) {
      const reply = explanationReply({
        title: k.title,
        summary: k.short,
        details: k.body,
        references: k.references,
        related: k.related,
        source: `knowledge base: ${k.id}`,
      });
      assert.deepEqual(cardProblems(reply.card), [], k.id);
    }
    assert.deepEqual(
      cardProblems(engineerOfferReply({ reason: 'unknown', whatWouldHelp: d.whatWouldHelp }).card),
      [],
    );
    assert.deepEqual(cardProblems(engineerOfferReply({ reason: 'exhausted', whatWouldHelp: [] }).card), []);
  });

  it('shows a non-identity problem the case matches, with its evidence and what to check, in a valid card and in Markdown', () => {
    const crash = diagnose(
      kb,
      addMessage(emptyCase(), 'OrdersPool stops again. Application log: Faulting application name: w3wp.exe, Exception code: 0xc00000fd. WAS 5002 disabled the pool.'),
    );
    assert.equal(crash.unknown, true);
    assert.equal(crash.lookalikes?.[0]?.id, 'lookalike-worker-process-crash');
    const reply = engineerOfferReply({ reason: 'unknown', whatWouldHelp: crash.whatWouldHelp, lookalikes: crash.lookalikes });
    assert.deepEqual(cardProblems(reply.card), []);
    const text = JSON.stringify(reply.card);
    assert.ok(text.includes('This does not look like an identity problem.'));
    assert.ok(text.includes(crash.lookalikes![0].title));
    assert.ok(text.includes('What to check') && text.includes('procdump'), text);
    assert.ok(text.includes('STATUS_STACK_OVERFLOW'), 'cites the evidence');
    assert.match(reply.markdown, /\*\*What to check\*\*\n\n1\. /);
    assert.ok(reply.markdown.includes('Talk to an engineer'), 'still offers an engineer');
    assert.ok(text.includes('"action":"not_it","causeId":"lookalike-worker-process-crash"'), 'takes "Not it" like a cause');
    assert.ok(text.includes('"action":"fixed","causeId":"lookalike-worker-process-crash"'));
    assert.ok(text.includes('learn.microsoft.com') && reply.markdown.includes('](https://learn.microsoft.com/'), 'its references, in the card and in Markdown');
    // Every look-alike of the knowledge base renders into a valid card.
    for (const l of kb.lookalikes) {
      const view = { id: l.id, title: l.title, summary: l.summary, evidence: [], explanation: l.why, steps: l.steps, references: l.references };
      assert.deepEqual(cardProblems(engineerOfferReply({ reason: 'exhausted', whatWouldHelp: [], lookalikes: [view] }).card), [], l.id);
    }
  });

  it('summarises a case for an engineer with the description, ranking and citations', () => {
    const md = caseSummaryMarkdown({
      case: c,
      diagnosis: d,
      answers: [{ question: 'GPO?', answer: 'Yes' }],
      ruledOut: [{ id: 'spn-missing', title: 'SPN missing' }],
    });
    assert.match(md, /mbam portal/);
    assert.match(md, /seimpersonate-privilege-removed/);
    assert.match(md, /GPO\? \*\*Yes\*\*/);
    assert.match(md, /SPN missing/);
  });
});

describe('cards: button payloads', () => {
  it('reads Action.Submit data and the same data as a JSON string (Teams messageBack)', () => {
    assert.deepEqual(parseCardAction({ action: 'not_it', causeId: 'spn-missing' }), {
      action: 'not_it',
      causeId: 'spn-missing',
    });
    assert.deepEqual(parseCardAction('{"action":"answer","questionId":"gpo-hardening","value":"yes"}'), {
      action: 'answer',
      questionId: 'gpo-hardening',
      value: 'yes',
    });
  });

  it('refuses payloads that are not ours or cannot be acted on', () => {
    assert.equal(parseCardAction({ action: 'delete_everything' }), undefined);
    assert.equal(parseCardAction({ action: 'not_it' }), undefined);
    assert.equal(parseCardAction({ action: 'answer', questionId: 'q' }), undefined);
    assert.equal(parseCardAction('not json {'), undefined);
    assert.equal(parseCardAction('{broken'), undefined);
    assert.equal(parseCardAction(null), undefined);
  });
});

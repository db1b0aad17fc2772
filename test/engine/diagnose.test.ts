import assert from 'node:assert/strict';
import { diagnose } from '../../knowledge/engine/index.js';
import { Lru, TextMemo } from '../../knowledge/engine/lru.js';
import { evidenceFromTexts, withCorrections } from '../../knowledge/engine/text-evidence.js';
import { loadKnowledgeBase } from '../../knowledge/kb-loader/load.js';
import { emptyCase, type Case, type Evidence } from '../../knowledge/types.js';
import { miniKb } from '../fixtures/engine/mini-kb.js';

const kb = loadKnowledgeBase(miniKb);

function caseOf(partial: Partial<Case>): Case {
  return { ...emptyCase(), ...partial };
}

const trace500: Evidence[] = [
  {
    kind: 'code',
    key: 'code',
    value: '0x80070542',
    source: { file: 'fr000041.xml', event: 14 },
    excerpt: 'MODULE_SET_RESPONSE_ERROR_STATUS StaticFileModule 500.0 ErrorCode 0x80070542',
  },
  {
    kind: 'trace',
    key: 'freb.error.module',
    value: 'StaticFileModule',
    source: { file: 'fr000041.xml', event: 14 },
    excerpt: 'StaticFileModule',
  },
];

describe('diagnose', () => {
  it('ranks the cause whose code the trace shows first and cites the trace event', () => {
    const d = diagnose(kb, caseOf({ evidence: trace500 }));
    assert.equal(d.unknown, false);
    assert.equal(d.hypotheses[0].id, 'privilege-missing');
    const citations = d.hypotheses[0].evidence.map((e) => e.citation);
    assert.ok(citations.some((c) => c.startsWith('fr000041.xml, event 14:') && c.includes('0x80070542')), citations.join('\n'));
    assert.deepEqual(d.hypotheses[0].steps.length, 2);
    assert.ok(d.codes.some((c) => c.canonical === '0x80070542'));
  });

  it('matches a code written in another notation (NTSTATUS, decimal Win32 in a message)', () => {
    const fromText = diagnose(kb, caseOf({ texts: ['LogonUser failed with error 1385 for svc_web'] }));
    assert.equal(fromText.hypotheses[0]?.id, 'logon-type');
    const ntstatus = diagnose(
      kb,
      caseOf({
        evidence: [{ kind: 'code', key: 'code', value: '0xC000015B', source: { file: 'security.xml', event: 2 }, excerpt: '4625' }],
      }),
    );
    assert.equal(ntstatus.hypotheses[0]?.id, 'logon-type');
  });

  it('matches event field conditions and status.substatus.win32', () => {
    const d = diagnose(
      kb,
      caseOf({
        evidence: [
          { kind: 'event', key: 'event', value: '4625', source: { file: 'sec.xml', event: 3 }, excerpt: '4625', attrs: { SubStatus: '0xc000015b' } },
          { kind: 'status', key: 'http.status', value: '500.0', source: { file: 'u_ex.log', line: 9 }, excerpt: 'GET /a.css 500 0 1346', attrs: { win32: '1346' } },
        ],
      }),
    );
    const ids = d.hypotheses.map((h) => h.id);
    assert.deepEqual(ids.slice(0, 2).sort(), ['logon-type', 'privilege-missing']);
    const cited = d.hypotheses.find((h) => h.id === 'privilege-missing')!.evidence[0].citation;
    assert.equal(cited, 'u_ex.log, line 9: GET /a.css 500 0 1346');
  });

  it('excludes a cause whose rules_out evidence is present', () => {
    const d = diagnose(kb, caseOf({ texts: ['HTTP Error 500.24 and also 0x80070542 in the trace'] }));
    assert.equal(d.hypotheses[0].id, 'integrated-500-24');
    assert.ok(!d.hypotheses.some((h) => h.id === 'privilege-missing'));
  });

  it('never offers a cause the user said did not help', () => {
    const d = diagnose(kb, caseOf({ evidence: trace500, ruledOut: ['privilege-missing'] }));
    assert.ok(!d.hypotheses.some((h) => h.id === 'privilege-missing'));
    assert.equal(d.unknown, true);
  });

  it('says unknown, and what would help, when nothing fits', () => {
    const d = diagnose(kb, caseOf({ texts: ['my printer does not print in colour'] }));
    assert.equal(d.unknown, true);
    assert.deepEqual(d.hypotheses, []);
    assert.ok(d.whatWouldHelp.length > 0);
  });

  it('does not count a text cue that the user negates', () => {
    const with_ = diagnose(kb, caseOf({ texts: ['kerberos broke, the clock is off'] }));
    const without = diagnose(kb, caseOf({ texts: ['kerberos broke, it is not the clock'] }));
    const score = (d: typeof with_) => d.hypotheses.find((h) => h.id === 'kerberos-skew')?.evidence.filter((e) => /clocks were/.test(e.meaning)).length ?? 0;
    assert.equal(score(with_), 1);
    assert.equal(score(without), 0);
  });

  it('asks the question that separates two close causes, and the answer moves the ranking', () => {
    const both: Evidence[] = [
      { kind: 'code', key: 'code', value: '0x80070542', source: { file: 'a.xml', event: 1 }, excerpt: 'x' },
      { kind: 'code', key: 'code', value: '0x80070569', source: { file: 'b.xml', event: 1 }, excerpt: 'y' },
    ];
    const d = diagnose(kb, caseOf({ evidence: both }));
    assert.equal(d.question?.id, 'hardening');
    assert.deepEqual(d.question?.answers.map((a) => a.value), ['yes', 'no']);
    const answeredNo = diagnose(kb, caseOf({ evidence: both, answers: { hardening: 'no' } }));
    assert.equal(answeredNo.hypotheses[0].id, 'logon-type');
    assert.equal(answeredNo.question, null);
    const answeredYes = diagnose(kb, caseOf({ evidence: both, answers: { hardening: 'yes' } }));
    assert.equal(answeredYes.hypotheses[0].id, 'privilege-missing');
  });

  it('takes an answer stated in passing (the question\'s stated_as fact) as the answer, cited where it was said, and asks no more', () => {
    const stating = loadKnowledgeBase(
      miniKb.map((f) => (f.name === 'questions.yaml' ? { ...f, text: `${f.text}  stated_as: policy.hardening\n` } : f)),
    );
    const both: Evidence[] = [
      { kind: 'code', key: 'code', value: '0x80070542', source: { file: 'a.xml', event: 1 }, excerpt: 'x' },
      { kind: 'code', key: 'code', value: '0x80070569', source: { file: 'b.xml', event: 1 }, excerpt: 'y' },
    ];
    const said: Evidence = { kind: 'fact', key: 'policy.hardening', value: 'no', source: { file: 'message', line: 2 }, excerpt: 'no hardening was applied' };
    const d = diagnose(stating, caseOf({ evidence: [...both, said] }));
    assert.equal(d.question, null);
    assert.equal(d.hypotheses[0].id, 'logon-type');
    assert.ok(d.hypotheses[0].evidence.some((e) => e.citation === 'your message 2: no hardening was applied'));
    // A plain answer wins over what was said in passing.
    const answered = diagnose(stating, caseOf({ evidence: [...both, said], answers: { hardening: 'yes' } }));
    assert.equal(answered.hypotheses[0].id, 'privilege-missing');
    assert.ok(!answered.hypotheses.some((h) => h.evidence.some((e) => e.citation.includes('no hardening was applied'))));
    // The same KB without stated_as ignores the fact.
    assert.equal(diagnose(kb, caseOf({ evidence: [...both, said] })).question?.id, 'hardening');
  });

  it('is deterministic for the same input', () => {
    const c = caseOf({ texts: ['site shows only text after the gpo hardening, 0x80070542'], evidence: trace500 });
    assert.deepEqual(diagnose(kb, c), diagnose(kb, structuredClone(c)));
  });

  it('uses symptom similarity as a weak, cited signal, never as the only evidence', () => {
    const words = 'an asp.net setting has been detected that does not apply in integrated managed pipeline mode';
    assert.equal(diagnose(kb, caseOf({ texts: [words] })).unknown, true);
    const withConfig = diagnose(
      kb,
      caseOf({
        texts: [words],
        evidence: [
          {
            kind: 'config',
            key: 'system.web/identity@impersonate',
            value: 'true',
            source: { file: 'web.config', line: 7, path: 'configuration/system.web/identity' },
            excerpt: '<identity impersonate="true" />',
          },
        ],
      }),
    );
    assert.equal(withConfig.hypotheses[0]?.id, 'integrated-500-24');
    assert.ok(withConfig.hypotheses[0].evidence.some((e) => e.citation.startsWith('your description resembles')));
    assert.ok(withConfig.hypotheses[0].evidence.some((e) => e.citation.startsWith('web.config, line 7')));
  });
});

describe('diagnose: special cases of a general cause', () => {
  const special = miniKb.map((f) =>
    f.name === 'kerberos-skew.md' ? { ...f, text: f.text.replace('references:', 'refines: [privilege-missing]\nreferences:') } : f,
  );
  const refinedKb = loadKnowledgeBase(special);

  it('ranks the general cause first on the shared symptom alone', () => {
    const d = diagnose(refinedKb, caseOf({ evidence: trace500 }));
    assert.deepEqual(d.hypotheses.slice(0, 2).map((h) => h.id), ['privilege-missing', 'kerberos-skew']);
  });

  it('ranks the special case first once its own evidence is there', () => {
    const d = diagnose(refinedKb, caseOf({ evidence: trace500, texts: ['the clock on the server is wrong'] }));
    assert.equal(d.hypotheses[0].id, 'kerberos-skew');
  });
});

describe('diagnose: circumstances alone', () => {
  const withContext = miniKb.map((f) =>
    f.name === 'kerberos-skew.md'
      ? {
          ...f,
          text: f.text.replace(
            '    means: clocks were mentioned',
            '    means: clocks were mentioned\n  - text: "\\\\bproxy\\\\b"\n    weight: 5\n    means: a proxy is in front\n    context: true',
          ),
        }
      : f,
  );
  const ctxKb = loadKnowledgeBase(withContext);

  it('does not offer a cause on contextual evidence only', () => {
    const d = diagnose(ctxKb, caseOf({ texts: ['we have a proxy in front of the site and something is broken'] }));
    assert.equal(d.unknown, true);
  });

  it('lets contextual evidence add weight once the failure itself is evidenced', () => {
    const d = diagnose(ctxKb, caseOf({ texts: ['kerberos fails, the clock looks off, and we have a proxy in front'] }));
    const top = d.hypotheses[0];
    assert.equal(top.id, 'kerberos-skew');
    assert.ok(top.evidence.some((e) => e.meaning === 'a proxy is in front'));
  });

  it('lets evidence against a cause cancel the evidence for it: a checked-and-fine statement leaves circumstances only', () => {
    const withCounter = withContext.map((f) =>
      f.name === 'kerberos-skew.md'
        ? {
            ...f,
            text: f.text.replace(
              '    means: clocks were mentioned',
              '    means: clocks were mentioned\n  - text: "clocks? (are|is) in sync"\n    weight: -3\n    means: the clocks were checked and agree',
            ),
          }
        : f,
    );
    const counterKb = loadKnowledgeBase(withCounter);
    // Score 3 + 5 - 3 = 5 passes minScore; the failure evidence is 3 - 3 = 0, so only the proxy is left.
    const d = diagnose(counterKb, caseOf({ texts: ['the clock was my first guess but the clocks are in sync, and we have a proxy in front'] }));
    assert.equal(d.unknown, true, JSON.stringify(d.hypotheses.map((h) => [h.id, h.evidence.map((e) => e.weight)])));
    const without = diagnose(counterKb, caseOf({ texts: ['the clock was my first guess, and we have a proxy in front'] }));
    assert.equal(without.hypotheses[0]?.id, 'kerberos-skew');
  });
});

describe('diagnose: ruled-out causes', () => {
  const words = 'site shows only text after the gpo hardening';
  const id = 'privilege-missing';
  const ruledOutAfter = (texts: number, evidence: number) => ({ ruledOut: [id], ruledOutAt: { [id]: { texts, evidence } } });

  it('keeps a ruled-out cause out while nothing new points at it', () => {
    assert.equal(diagnose(kb, caseOf({ texts: [words] })).hypotheses[0]?.id, id, 'precondition');
    const d = diagnose(kb, caseOf({ texts: [words, 'it also happens on the second server'], ...ruledOutAfter(1, 0) }));
    assert.ok(!d.hypotheses.some((h) => h.id === id));
  });

  it('brings it back, marked, for strong evidence uploaded after it was ruled out', () => {
    const back = diagnose(kb, caseOf({ texts: [words], evidence: trace500, ...ruledOutAfter(1, 0) })).hypotheses.find((h) => h.id === id);
    assert.ok(back, 'back in the ranking');
    assert.equal(back.reconsidered, true);
    // The same evidence, already there when the user ruled it out, does not.
    assert.ok(!diagnose(kb, caseOf({ texts: [words], evidence: trace500, ...ruledOutAfter(1, trace500.length) })).hypotheses.some((h) => h.id === id));
    // Nor does a cause ruled out without a record of when (an API caller's list).
    assert.ok(!diagnose(kb, caseOf({ texts: [words], evidence: trace500, ruledOut: [id] })).hypotheses.some((h) => h.id === id));
  });

  it('does not count evidence the case already had as new: a code typed again, the same trace sent again', () => {
    const retyped = caseOf({ texts: [words, 'the trace says 0x80070542'], evidence: trace500, ...ruledOutAfter(1, trace500.length) });
    assert.ok(!diagnose(kb, retyped).hypotheses.some((h) => h.id === id), 'retyped code');
    const resent = caseOf({ texts: [words], evidence: [...trace500, ...trace500], ...ruledOutAfter(1, trace500.length) });
    assert.ok(!diagnose(kb, resent).hypotheses.some((h) => h.id === id), 'same trace again');
  });

  it('counts a strong code typed after the rule-out as new evidence too', () => {
    const back = diagnose(kb, caseOf({ texts: [words, 'the trace says 0x80070542'], ...ruledOutAfter(1, 0) })).hypotheses.find((h) => h.id === id);
    assert.equal(back?.reconsidered, true);
  });
});

describe('diagnose: per-message memo', () => {
  it('cites the right message when the same words come back at another position of a conversation', () => {
    const first = 'LogonUser failed with error 1385 for svc_web';
    const other = 'nothing else changed on the server';
    const a = diagnose(kb, caseOf({ texts: [first, other] }));
    const b = diagnose(kb, caseOf({ texts: [other, first] }));
    const cite = (d: ReturnType<typeof diagnose>) => d.hypotheses[0].evidence.find((e) => e.excerpt.includes('1385'))?.citation;
    assert.match(cite(a) ?? '', /^your message 1:/);
    assert.match(cite(b) ?? '', /^your message 2:/);
  });

  it('gives the same diagnosis from the memo as from a fresh start', () => {
    const texts = ['kerberos broke, the clock is off', 'HTTP Error 500.24 and also 0x80070542 in the trace'];
    const once = diagnose(kb, caseOf({ texts }));
    const again = diagnose(kb, caseOf({ texts: [...texts] }));
    assert.deepEqual(again, once);
    const fresh = diagnose(loadKnowledgeBase(miniKb), caseOf({ texts }));
    assert.deepEqual(fresh, once);
  });
});

describe('Lru', () => {
  it('keeps the most recently used entries up to its capacity', () => {

    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    assert.equal(lru.get('a'), 1);
    lru.set('c', 3);
    assert.equal(lru.get('b'), undefined);
    assert.equal(lru.get('a'), 1);
    assert.equal(lru.getOrCompute('c', () => 99), 3);
    assert.equal(lru.getOrCompute('d', () => 4), 4);
    assert.equal(lru.get('a'), undefined);
  });
});

describe('TextMemo', () => {
  it('keeps long texts apart from short ones, and never keeps texts over its limit', () => {
    const memo = new TextMemo<number>({ shortEntries: 2, shortChars: 10, longEntries: 1, maxChars: 100 });
    let computed = 0;
    const get = (text: string) => memo.getOrCompute(text, () => ++computed);
    get('short-a');
    get('short-b');
    const long = 'x'.repeat(50);
    get(long);
    get('y'.repeat(60)); // pushes the first long text out of its own place only
    assert.equal(computed, 4);
    get('short-a');
    get('short-b');
    assert.equal(computed, 4, 'a long text must not evict the short ones');
    get('y'.repeat(60));
    assert.equal(computed, 4, 'the latest long text is kept (a fresh copy of the same characters hits)');
    get(long);
    assert.equal(computed, 5, 'only the latest long text is kept with one long entry');
    const huge = 'z'.repeat(101);
    get(huge);
    get(huge);
    assert.equal(computed, 7, 'texts over maxChars are computed every time');
  });
});

describe('corrections in later messages', () => {
  it('takes what a correcting message says is not the case out of the messages before it', () => {
    assert.deepEqual(withCorrections(['users get 401.1 on the intranet', "sorry, it's 401.2 not 401.1"]), ['users get (corrected) on the intranet', "sorry, it's 401.2 not 401.1"]);
    assert.deepEqual(withCorrections(['the trace shows 0x80070005', 'actually it was not 0x80070005 but 0x8007052e']), ['the trace shows (corrected)', 'actually it was not 0x80070005 but 0x8007052e']);
  });

  it('leaves the messages alone without a correction, or when a message only says what is absent now', () => {
    const texts = ['users get 401.1 on the intranet', 'after the change it is not a 401.1 any more, it is 500.24'];
    assert.equal(withCorrections(texts), texts);
    const later = ['no 500.19 here', 'sorry, it is 401.1'];
    assert.equal(withCorrections(later), later, 'a correction only reaches back');
  });
});

describe('evidence from the user\'s words', () => {
  const values = (text: string) => evidenceFromTexts([text]).map((e) => e.value);

  it('does not take a code or status the user says is absent as evidence of it', () => {
    assert.deepEqual(values('the section is unlocked in applicationHost, so no 500.19'), []);
    assert.deepEqual(values('works without 0x80070005 now, but the page is empty'), []);
    assert.deepEqual(values('it is not a 401.1 any more, it is 500.24'), ['500.24']);
  });

  it('still reads "error no 1326" as the number it is, and a "no" that ends the line before a code as no negation', () => {
    assert.deepEqual(values('LogonUser: error no 1326'), ['0x8007052E']);
    assert.deepEqual(values('LogonUser: Error  no 1326'), ['0x8007052E']);
    assert.deepEqual(values('HRESULT no 0x80070005'), ['0x80070005']);
    assert.deepEqual(values('Anonymous: No\n401.2 on every page'), ['401.2']);
  });

  it('does not read the 401 2 5 challenge of a pasted log row as access denied', () => {
    const row = '2026-11-27 10:14:22 10.40.2.11 POST /docs/Upload.aspx - 443 - 10.40.7.88 Mozilla/5.0 - 401 2 5 15';
    assert.deepEqual(values(row), ['401.2']);
    assert.deepEqual(values(row.replace('401 2 5', '401 3 5')), ['401.3', '0x80070005']);
  });

  it('reads pasted rows of a handshake that ends signed in as a handshake, not as 401 failures, codes included', () => {
    const rows = [
      '2026-12-01 09:30:01 10.3.0.8 GET /claims/list - 443 - 10.3.22.17 Mozilla/5.0 - 401 2 5 0',
      '2026-12-01 09:30:01 10.3.0.8 GET /claims/list - 443 - 10.3.22.17 Mozilla/5.0 - 401 1 2148074254 0',
      '2026-12-01 09:30:01 10.3.0.8 GET /claims/list - 443 CONTOSO\\jdoe 10.3.22.17 Mozilla/5.0 - 200 0 0 14832',
    ];
    assert.deepEqual(values(`the portal is slow, log of one click:\n${rows.join('\n')}`), ['w3c.auth-handshake-ok', '200.0']);
    // The same legs without the success, or followed by another client's success, stay failures.
    assert.deepEqual(values(rows.slice(0, 2).join('\n')), ['401.2', '401.1', '0x8009030E']);
    const other = rows[2].replace('10.3.22.17', '10.3.22.99');
    assert.deepEqual(values([...rows.slice(0, 2), other].join('\n')), ['401.2', '401.1', '0x8009030E', '200.0']);
    // Double-spaced as Teams pastes it, and a signed-in 401.3 (an ACL, not the handshake) by a user with a non-ASCII name.
    const acl = rows[2].replace('CONTOSO\\jdoe', 'CONTOSO\\jürgen').replace('200 0 0', '401 3 5');
    assert.deepEqual(values([rows[0], '', acl].join('\n')), ['w3c.auth-handshake-ok', '401.3', '0x80070005']);
    // Signed in, then refused for another reason (request filtering's 404.13): the legs are still a handshake.
    assert.deepEqual(values([rows[0], rows[2].replace('200 0 0', '404 13 0')].join('\n')), ['w3c.auth-handshake-ok', '404.13']);
  });
});

describe('diagnose: the user\'s own guesses', () => {
  const offered = (text: string) => diagnose(kb, caseOf({ texts: [text] })).hypotheses.some((h) => h.id === 'kerberos-skew');

  it('takes a plain statement of a cue as evidence', () => {
    assert.equal(offered('kerberos broke and the clock on web01 is off'), true);
  });

  it('does not let a cue the user only asks about or hedges carry a cause', () => {
    assert.equal(offered('kerberos broke on web01. could it be the clock?'), false);
    assert.equal(offered('kerberos broke, I think the clock is wrong'), false);
    assert.equal(offered('Is it the clock? kerberos broke on web01'), false);
  });

  it('prefers a plain statement over an earlier question about the same cue', () => {
    const d = diagnose(kb, caseOf({ texts: ['could it be the clock? we checked: the clock on web01 is 9 minutes behind'] }));
    const cited = d.hypotheses.find((h) => h.id === 'kerberos-skew')?.evidence.find((e) => e.meaning === 'clocks were mentioned');
    assert.ok(cited, 'offered');
    assert.match(cited.excerpt, /9 minutes/);
  });

  it('takes a plain statement in a later message over a question in an earlier one', () => {
    const d = diagnose(kb, caseOf({ texts: ['kerberos broke. could it be the clock?', 'yes: the clock on web01 is 9 minutes behind'] }));
    const cited = d.hypotheses.find((h) => h.id === 'kerberos-skew')?.evidence.find((e) => e.meaning === 'clocks were mentioned');
    assert.ok(cited, 'offered');
    assert.match(cited.citation, /^your message 2:/);
  });

  it('keeps a plain statement a plain statement: a question after it, a URL with a query, the dot in a host name', () => {
    assert.equal(offered('the clock on web01 is off, how do I fix that?'), true);
    assert.equal(offered('the clock on web01.contoso.com is off - any idea why?'), true);
    assert.equal(offered('the clock is off on http://intranet/app?id=1 since monday'), true);
    assert.equal(offered('this is it: the clock on web01 is off'), true);
  });

  it('still counts the guessed cue once real evidence is there', () => {
    const d = diagnose(kb, caseOf({ texts: ['could it be the clock? the client logs KRB_AP_ERR_SKEW'] }));
    const top = d.hypotheses[0];
    assert.equal(top?.id, 'kerberos-skew');
    assert.ok(top.evidence.some((e) => e.meaning === 'clocks were mentioned'));
  });
});

describe('diagnose: look-alikes (known problems that are not identity failures)', () => {
  const diskFull = {
    name: 'lookalike-disk-full.md',
    text: `---
id: lookalike-disk-full
kind: lookalike
title: The disk is full
summary: Writes fail because the volume is full.
signatures:
  - text: "not enough space on the disk"
    weight: 6
    means: the disk is full
  - text: "\\\\bgpo\\\\b"
    weight: 2
    means: a policy was mentioned too
    context: true
---

## Why it is not an identity problem

Every write fails because the volume is full, whoever writes: the error names the disk, not an account.

## What to check

1. Check free space on the drive.
2. Free space and recycle the pool.
`,
  };
  const lkKb = loadKnowledgeBase([...miniKb, diskFull]);

  it('says unknown and names the look-alike, with its cited evidence and what to check, when it explains the case better than any cause', () => {
    // privilege-missing has gpo (2) + wording similarity; the disk-full error explains the 500s better.
    const d = diagnose(lkKb, caseOf({ texts: ['the site shows only text without images since the gpo; event 1309 says there is not enough space on the disk'] }));
    assert.equal(d.unknown, true, JSON.stringify(d.hypotheses.map((h) => [h.id, h.evidence.map((e) => e.weight)])));
    const l = d.lookalikes?.[0];
    assert.equal(l?.id, 'lookalike-disk-full');
    assert.deepEqual(l?.steps, ['Check free space on the drive.', 'Free space and recycle the pool.']);
    assert.match(l!.explanation, /whoever writes/);
    assert.ok(l!.evidence.some((e) => e.meaning === 'the disk is full' && /your message 1/.test(e.citation)), JSON.stringify(l!.evidence));
  });

  it('still offers a cause whose own evidence outweighs the look-alike, and lists the look-alike beside it', () => {
    const d = diagnose(lkKb, caseOf({ texts: ['static files fail with 0x80070542 after the gpo; the log also says not enough space on the disk'] }));
    assert.equal(d.hypotheses[0]?.id, 'privilege-missing');
    assert.equal(d.lookalikes?.[0]?.id, 'lookalike-disk-full');
  });

  it('needs evidence about the failure itself: circumstances alone do not make a look-alike', () => {
    const d = diagnose(lkKb, caseOf({ texts: ['static files fail with 0x80070542 after the gpo'] }));
    assert.deepEqual(d.lookalikes, []);
    assert.equal(d.hypotheses[0]?.id, 'privilege-missing');
  });

  it('is what keeps the cause out: without the look-alike the same words get the cause', () => {
    const c = caseOf({ texts: ['the site shows only text without images since the gpo; event 1309 says there is not enough space on the disk'] });
    const without = diagnose(kb, c);
    assert.equal(without.hypotheses[0]?.id, 'privilege-missing');
    assert.deepEqual(without.lookalikes, []);
  });
});

import assert from 'node:assert/strict';
import { toFeatures } from '../../knowledge/intents/index.js';
import { withinOneEdit } from '../../knowledge/intents/fuzzy.js';
import { applyRules, normaliseCommand } from '../../knowledge/intents/rules.js';

describe('intent features', () => {
  it('marks the words after a negation', () => {
    assert.ok(toFeatures('that did NOT fix it').includes('not_fix'));
    assert.ok(toFeatures("that didn't fix it").includes('not_fix'));
    assert.ok(!toFeatures('that fixed it').includes('not_fix'));
  });

  it('ends the negation scope at punctuation', () => {
    assert.ok(toFeatures('not sure, it works now').includes('work'));
  });

  it('turns codes into shape tokens so new codes generalise', () => {
    assert.deepEqual(toFeatures('0x80070542').filter((f) => f.startsWith('__')), ['__hex__', '__dom__', '__len1__']);
    assert.ok(toFeatures('HTTP Error 500.24').includes('__status__'));
    assert.ok(toFeatures('SEC_E_WRONG_PRINCIPAL').includes('__errname__'));
    assert.ok(toFeatures('CONTOSO\\jdoe').includes('__account__'));
  });

  it('is deterministic', () => {
    const text = 'Still getting 401.2 on https://intranet/app after adding the SPN!!';
    assert.deepEqual(toFeatures(text), toFeatures(text));
  });
});

describe('intent rules', () => {
  const table: [string, string | undefined][] = [
    ['cancel', 'cancel'],
    ['Stop.', 'cancel'],
    ['forget it', 'cancel'],
    ['nvm', 'cancel'],
    ['start over pls', 'cancel'],
    ['talk to a human', 'escalate'],
    ['can i speak with a real person?', 'escalate'],
    ['/help', 'help'],
    ['?', 'help'],
    ['hi', 'greeting'],
    ['why does the site stop working at night', undefined],
  ];
  for (const [text, intent] of table) {
    it(`maps "${text}" to ${intent ?? 'no rule'}`, () => assert.equal(applyRules(text, false)?.intent, intent));
  }

  it('treats a code with no conversational word as a problem report', () => {
    assert.equal(applyRules('0x80070542', true)?.intent, 'report_problem');
    assert.equal(applyRules('what does 0x80070542 mean', true), undefined);
  });

  it('asks whether the text has a code only when the answer decides the rule', () => {
    let asked = 0;
    const hasCode = (answer: boolean) => () => {
      asked++;
      return answer;
    };
    assert.equal(applyRules('what does 0x80070542 mean', hasCode(true)), undefined);
    assert.equal(asked, 0, 'conversational words decide without the codes');
    assert.equal(applyRules('0x80070542', hasCode(true))?.intent, 'report_problem');
    assert.equal(applyRules('0x80070542', hasCode(false)), undefined);
    assert.equal(asked, 2);
  });

  it('normalises commands the same way inside applyRules and on their own', () => {
    for (const text of ['  Please CANCEL that, ok?', "don't  need it anymore!!", '?', 'HELP', 'bot'])
      assert.equal(applyRules(text, false)?.intent, applyRules(normaliseCommand(text), false)?.intent, text);
    assert.equal(normaliseCommand('  Please CANCEL that, ok? '), 'cancel that');
  });
});

describe('typo matching', () => {
  const table: [string, string, boolean][] = [
    ['cancl', 'cancel', true],
    ['nevremind', 'nevermind', true],
    ['hlep', 'help', true],
    ['stop', 'stop', false],
    ['stop', 'start', false],
  ];
  for (const [a, b, expected] of table) {
    it(`${a} ~ ${b}: ${expected}`, () => assert.equal(withinOneEdit(a, b), expected));
  }
});

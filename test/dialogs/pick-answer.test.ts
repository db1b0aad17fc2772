// Typed replies to the engine's questions, as people type them, read as the suggested answer they mean.
import assert from 'node:assert/strict';
import type { Question } from '../../knowledge/index.js';
import { pickAnswer, saysMoreThanAnswer } from '../../dialogs/pick-answer.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

const kb = bundledKnowledgeBase();
function question(id: string): Question {
  const spec = kb.questions.get(id);
  assert.ok(spec, id);
  return { id, text: spec.text, why: spec.why, answers: spec.answers.map((a) => ({ label: a.label, value: a.value })) };
}

describe('pickAnswer', () => {
  const cases: [string, string, string | undefined][] = [
    ['kernel-mode-auth', '3', 'kernel-off'],
    ['kernel-mode-auth', 'Kernel mode off', 'kernel-off'],
    ['kernel-mode-auth', 'kernel mode is off', 'kernel-off'],
    // Two answers say "kernel mode on": which one is not known, so the words stay case detail.
    ['kernel-mode-auth', 'kernel mode is on', undefined],
    ['kernel-mode-auth', 'no idea', 'unknown'],
    ['pool-password-changed', 'no, the password is fine, we checked it yesterday', 'no'],
    ['pool-password-changed', 'yes that is what I said', 'yes'],
    ['pool-state', "it's stopped", 'stopped'],
    ['pool-state', 'started', 'started'],
    ['app-pool-identity-kind', 'a domain account', 'domain-account'],
    ['app-pool-identity-kind', 'ApplicationPoolIdentity', 'builtin'],
    ['spn-check-result', 'not checked yet', 'not-checked'],
    // New detail that only shares a word with an answer is not an answer.
    ['app-pool-identity-kind', 'the domain admins can access it but users get 401', undefined],
    ['pool-state', 'users from the branch office get 403 when they open the reports', undefined],
    // Negations (from review): "it does not" is no, and a negated label word is not that label.
    ['works-locally-not-remote', 'it does not work on the server either', 'no'],
    ['windows-auth-state', 'not enabled', undefined],
    ['site-host-name', 'not a cname', undefined],
    ['app-pool-identity-kind', 'not a domain account, applicationpoolidentity', undefined],
  ];
  for (const [id, text, expected] of cases) {
    it(`reads "${text}" for ${id} as ${expected ?? 'no answer'}`, () => assert.equal(pickAnswer(question(id), text), expected));
  }

  it('keeps the rest of a longer reply as case detail, but not a suggested reply', () => {
    assert.equal(saysMoreThanAnswer(question('pool-password-changed'), 'no, the password is fine, we checked it yesterday with the AD team'), true);
    assert.equal(saysMoreThanAnswer(question('kernel-mode-auth'), 'Kernel mode on, useAppPoolCredentials false or not set'), false);
    assert.equal(saysMoreThanAnswer(question('kernel-mode-auth'), 'kernel mode is off'), false);
  });
});

import assert from 'node:assert/strict';
import { parseKnowledgeBase, loadKnowledgeBase, KnowledgeBaseError } from '../../knowledge/kb-loader/load.js';
import { miniKb } from '../fixtures/engine/mini-kb.js';

function withFile(name: string, text: string) {
  return [...miniKb.filter((f) => f.name !== name), { name, text }];
}

describe('knowledge-base loader', () => {
  it('loads causes with their fix steps, verification and questions', () => {
    const kb = loadKnowledgeBase(miniKb);
    assert.equal(kb.causes.length, 4);
    const c = kb.causes.find((x) => x.id === 'privilege-missing')!;
    assert.deepEqual(c.steps, ['Do the first thing: `appcmd list apppool`', 'Do the second thing.']);
    assert.match(c.verify, /symptom is gone/);
    assert.equal(kb.questions.get('hardening')?.answers.length, 2);
  });

  it('names the file and the field of a schema problem', () => {
    const bad = miniKb[0].text.replace('weight: 8', 'weight: "heavy"');
    const { problems } = parseKnowledgeBase(withFile(miniKb[0].name, bad));
    assert.ok(
      problems.some((p) => p.file === 'privilege-missing.md' && p.field === 'signatures.0.weight'),
      JSON.stringify(problems),
    );
  });

  it('rejects a signature with two matchers or none', () => {
    const bad = miniKb[0].text.replace('  - code: "0x80070542"\n', '  - code: "0x80070542"\n    status: "500"\n');
    const { problems } = parseKnowledgeBase(withFile(miniKb[0].name, bad));
    assert.ok(problems.some((p) => /exactly one matcher/.test(p.message)), JSON.stringify(problems));
  });

  it('rejects a cause without numbered fix steps', () => {
    const bad = miniKb[1].text.replace(/1\. Do the first[^\n]*\n2\. Do the second thing\./, 'Just fix it.');
    const { problems } = parseKnowledgeBase(withFile(miniKb[1].name, bad));
    assert.deepEqual(
      problems.map((p) => [p.file, p.field]),
      [['integrated-500-24.md', '## Fix']],
    );
  });

  it('reports duplicate ids, unknown questions and answers that the question does not offer', () => {
    const dup = { name: 'copy/privilege-missing.md', text: miniKb[0].text };
    const wrongAnswer = miniKb[2].text.replace('equals: "no"', 'equals: "maybe"').replace('questions: [hardening]', 'questions: [hardening, nope]');
    const { problems } = parseKnowledgeBase([...withFile(miniKb[2].name, wrongAnswer), dup]);
    const messages = problems.map((p) => `${p.file} ${p.field} ${p.message}`);
    assert.ok(messages.some((m) => /duplicate id "privilege-missing"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /logon-type\.md questions unknown question "nope"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /"maybe" is not an answer of "hardening"/.test(m)), messages.join('\n'));
  });

  it('refuses to load an invalid knowledge base, naming every problem', () => {
    const broken = withFile('integrated-500-24.md', 'no front matter here');
    assert.throws(
      () => loadKnowledgeBase(broken),
      (err: unknown) => err instanceof KnowledgeBaseError && /integrated-500-24\.md: \(front matter\)/.test(err.message),
    );
  });

  it('rejects an invalid regular expression in a text cue', () => {
    const bad = miniKb[3].text.replace('"\\\\bclock\\\\b"', '"(unclosed"');
    const { problems } = parseKnowledgeBase(withFile(miniKb[3].name, bad));
    assert.ok(problems.some((p) => p.field === 'signatures.1.text' && /invalid regular expression/.test(p.message)), JSON.stringify(problems));
  });
});

describe('knowledge-base loader: refines', () => {
  it('refuses a refines link to an unknown or the same cause', () => {
    const bad = miniKb[2].text.replace('questions: [hardening]', 'questions: [hardening]\nrefines: [logon-type, nope]');
    const { problems } = parseKnowledgeBase([...miniKb.filter((f) => f.name !== miniKb[2].name), { name: miniKb[2].name, text: bad }]);
    assert.deepEqual(
      problems.map((p) => p.message),
      ['"logon-type" is not another cause', '"nope" is not another cause'],
    );
  });
});

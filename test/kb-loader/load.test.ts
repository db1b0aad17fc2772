import assert from 'node:assert/strict';
import { parseKnowledgeBase, loadKnowledgeBase, KnowledgeBaseError } from '../../knowledge/kb-loader/load.js';
import { miniKb } from '../fixtures/engine/mini-kb.js';
import { diagnose } from '../../knowledge/engine/diagnose.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

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

describe('knowledge-base loader: shared cues (cues.yaml)', () => {
  const cues = (text: string) => ({ name: 'cues.yaml', text });
  const hardeningCue = cues('- id: hardening-named\n  about: a hardening policy is named\n  text: "\\\\b(gpo|hardening)\\\\b"\n');
  const usingCue = (cueId: string) =>
    withFile(miniKb[0].name, miniKb[0].text.replace('  - text: "\\\\b(gpo|hardening)\\\\b"\n', `  - cue: ${cueId}\n`));

  it('gives a signature that names a cue the cue\'s regular expression, keeping its own weight and meaning', () => {
    const kb = loadKnowledgeBase([...usingCue('hardening-named'), hardeningCue]);
    const sig = kb.causes.find((c) => c.id === 'privilege-missing')!.signatures.find((s) => s.cue === 'hardening-named');
    assert.equal(sig?.text, '\\b(gpo|hardening)\\b');
    assert.equal(sig?.weight, 2);
    assert.equal(sig?.means, 'a hardening policy was mentioned');
  });

  it('matches a cue exactly as the same text signature would', () => {
    const viaCue = loadKnowledgeBase([...usingCue('hardening-named'), hardeningCue]);
    const viaText = loadKnowledgeBase(miniKb);
    const c = { texts: ['css files fail with 0x80070542 since the new GPO'], evidence: [], answers: {}, ruledOut: [] };
    const ranked = (kb: typeof viaCue) => diagnose(kb, c).hypotheses.map((h) => [h.id, h.confidence, h.evidence.map((e) => `${e.weight} ${e.meaning}`)]);
    assert.deepEqual(ranked(viaCue), ranked(viaText));
    assert.ok(JSON.stringify(ranked(viaCue)).includes('2 a hardening policy was mentioned'), JSON.stringify(ranked(viaCue)));
  });

  it('names the file and field of a signature whose cue does not exist', () => {
    const { problems } = parseKnowledgeBase([...usingCue('no-such-cue'), hardeningCue]);
    assert.deepEqual(
      problems.map((p) => [p.file, p.field, p.message]),
      [['privilege-missing.md', 'signatures[3].cue', 'unknown cue "no-such-cue" (cues are defined in cues.yaml)']],
    );
  });

  it('rejects a cue with an invalid regular expression, and a signature with both text and cue', () => {
    const broken = cues('- id: a-cue\n  about: something long enough\n  text: "(unclosed"\n');
    const both = miniKb[0].text.replace('  - text: "\\\\b(gpo|hardening)\\\\b"\n', '  - text: "\\\\b(gpo|hardening)\\\\b"\n    cue: a-cue\n');
    const { problems } = parseKnowledgeBase([...withFile(miniKb[0].name, both), broken]);
    const messages = problems.map((p) => `${p.file} ${p.field} ${p.message}`);
    assert.ok(messages.some((m) => /^cues\.yaml 0\.text invalid regular expression/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^privilege-missing\.md signatures\.3 needs exactly one matcher .* \(found text, cue\)/.test(m)), messages.join('\n'));
  });

  it('rejects the same cue id defined twice, naming both files', () => {
    const again = { name: 'more.cues.yaml', text: '- id: hardening-named\n  about: defined a second time\n  text: "gpo"\n' };
    const { problems } = parseKnowledgeBase([...usingCue('hardening-named'), hardeningCue, again]);
    assert.deepEqual(
      problems.map((p) => `${p.file} ${p.field} ${p.message}`),
      ['more.cues.yaml cues.hardening-named duplicate cue id (also in cues.yaml)'],
    );
  });
});

describe('the bundled knowledge base: shared cues', () => {
  it('keeps every text regex that more than one cause reads in cues.yaml, so the copies cannot drift apart', () => {
    const seen = new Map<string, string>();
    const copies: string[] = [];
    for (const c of bundledKnowledgeBase().causes) {
      for (const s of [...c.signatures, ...c.rules_out]) {
        if (s.text === undefined || s.cue !== undefined) continue;
        const other = seen.get(s.text);
        if (other && other !== c.id) copies.push(`${c.id} and ${other}: ${s.text}`);
        seen.set(s.text, c.id);
      }
    }
    assert.deepEqual(copies, []);
  });
});

describe('knowledge-base loader: look-alikes', () => {
  const lookalike = (body: string, front = '') => ({
    name: 'lookalike-disk-full.md',
    text: `---\nid: lookalike-disk-full\nkind: lookalike\ntitle: The disk is full\nsummary: Writes fail because the volume is full.\n${front}signatures:\n  - text: "not enough space"\n    weight: 6\n    means: the disk is full\n---\n${body}`,
  });
  const goodBody = '\n## Why it is not an identity problem\n\nEvery write fails because the volume is full, whoever writes to it.\n\n## What to check\n\n1. Check free space.\n2. Recycle the pool.\n';

  it('loads a look-alike with its explanation and the steps to check', () => {
    const kb = loadKnowledgeBase([...miniKb, lookalike(goodBody)]);
    assert.equal(kb.lookalikes.length, 1);
    assert.deepEqual(kb.lookalikes[0].steps, ['Check free space.', 'Recycle the pool.']);
    assert.match(kb.lookalikes[0].why, /whoever writes/);
    assert.equal(kb.causes.length, 4, 'a look-alike is not a cause');
  });

  it('names the file and section a look-alike lacks, and an id it shares with a cause', () => {
    const { problems } = parseKnowledgeBase([...miniKb, lookalike('\nnothing here\n')]);
    assert.deepEqual(
      problems.map((p) => [p.file, p.field]),
      [
        ['lookalike-disk-full.md', '## Why it is not an identity problem'],
        ['lookalike-disk-full.md', '## What to check'],
      ],
    );
    const clash = { name: 'copy/privilege-missing.md', text: lookalike(goodBody).text.replace('id: lookalike-disk-full', 'id: privilege-missing') };
    const dup = parseKnowledgeBase([...miniKb, clash]).problems.map((p) => p.message);
    assert.ok(dup.some((m) => /duplicate id "privilege-missing"/.test(m)), dup.join('\n'));
  });
});

// Every text signature and cue of the knowledge base runs over each message and document of a case, on every turn:
// one that backtracks quadratically turns a pasted log into seconds per turn. These inputs are the shapes that found
// such regexes before (long runs of spaces or blank lines after a cue word, dotted names, repeated words); a
// quadratic regex does not finish within mocha's timeout on them, a linear one takes milliseconds.
import assert from 'node:assert/strict';
import { compileKnowledgeBase } from '../../knowledge/engine/compile.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

const SIZE = 400_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const INPUTS: [string, string][] = [
  ['spaces after a word', `error${fill(' ')}`],
  ['blank lines after a word', `Error${fill('\n')}`],
  ['tabs and line breaks', fill(' \t\n')],
  ['a dotted name', fill('a.')],
  ['repeated short words', fill('err 70 ')],
  ['repeated log rows', fill('2026-12-02 10:00:00 10.0.0.1 GET / - 443 - 10.0.0.2 UA - 301 0 0 15\n')],
  ['identity lines', fill('10:00:01 identity=CONTOSO\\u ')],
];

describe('knowledge base text signatures on hostile input', () => {
  const compiled = compileKnowledgeBase(bundledKnowledgeBase());
  const regexes = compiled.matchers.flatMap((m) => (m.type === 'text' ? [m.regex] : []));

  it('has text signatures to check', () => {
    assert.ok(regexes.length > 100, String(regexes.length));
  });

  for (const [name, input] of INPUTS) {
    it(`every text signature finishes on ${SIZE / 1000} KB of ${name}`, () => {
      for (const re of regexes) {
        re.lastIndex = 0;
        for (let n = 0; n < 50 && re.exec(input); n++) if (re.lastIndex === 0) break;
      }
    });
  }
});

import assert from 'node:assert/strict';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { diagnoseInputs } from '../../knowledge/index.js';
import { MAX_STEMMED_CHARS, stemWord } from '../../knowledge/text/stem-word.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';

describe('stemWord', () => {
  it('stems words as natural\'s Porter stemmer does', () => {
    for (const w of ['connections', 'impersonating', 'delegated', 'authentication', 'kerberos']) assert.equal(stemWord(w), PorterStemmer.stem(w));
  });

  it('leaves a token longer than any word as it is (the stemmer is quadratic in its length)', () => {
    const long = 'connections'.repeat(Math.ceil((MAX_STEMMED_CHARS + 1) / 11));
    assert.notEqual(PorterStemmer.stem(long), long, 'precondition: the stemmer would change it');
    assert.equal(stemWord(long), long);
  });

  it('lets the engine diagnose a message that is one 300 KB token (a pasted base64 blob) instead of hanging on it', async () => {
    const d = await diagnoseInputs({ texts: [`the negotiate header: ${'YIIGhgYGKwYBBQUC'.repeat(19_000)}`], files: [] }, bundledKnowledgeBase());
    assert.equal(d.unknown, true);
  });
});

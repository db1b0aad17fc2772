import assert from 'node:assert/strict';
import { compileModel } from '../../knowledge/intents/compiled.js';
import { featureSet } from '../../knowledge/intents/features.js';
import { createClosestWordIndex, closestWord } from '../../knowledge/intents/fuzzy.js';
import { INTENTS, labelled, trainIntentModel, type IntentModelJson } from '../../knowledge/intents/index.js';
import { trainNaturalClassifier, type NaturalClassifier } from '../../knowledge/intents/train.js';
import { defaultIntentEvalDir, readIntentData } from '../../runtime/intent-model.js';

// The bot scores with tables compiled from the saved model (compiled.ts) instead of natural's classify(); this
// checks the two agree on every utterance we have, training and held-out.
describe('compiled intent model', () => {
  let natural: NaturalClassifier;
  let model: IntentModelJson;
  let texts: string[];

  before(function () {
    // Training natural twice (once raw, once saved as JSON) takes a few seconds on the full data.
    this.timeout(60_000);
    const data = readIntentData();
    natural = trainNaturalClassifier(data, 'bayes');
    model = trainIntentModel(data, 'bayes');
    texts = [...labelled(data), ...labelled(readIntentData(defaultIntentEvalDir))].map((u) => u.text);
  });

  it("predicts exactly what natural's Bayes classify() predicts, on the whole data set", function () {
    // natural's classify() builds a vocabulary-sized vector per message: slow, hence the timeout.
    this.timeout(60_000);
    const compiled = compileModel(model);
    const out = new Float64Array(compiled.labels.length);
    let compared = 0;
    for (const text of texts) {
      const tokens = featureSet(text);
      // Only known features: natural ignores the rest, and typo correction is the scorer's, not the model's.
      const ids = tokens.map((t) => compiled.index.get(t)).filter((i): i is number => i !== undefined);
      if (ids.length === 0) continue;
      const scores = compiled.raw(ids, out);
      let best = 0;
      for (let k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
      assert.equal(compiled.labels[best], natural.classify(tokens), text);
      compared++;
    }
    assert.ok(compared > 1000, `compared ${compared}`);
  });

  it('gives probabilities that sum to 1 for every label', () => {
    const compiled = compileModel(model);
    const p = compiled.normalise(compiled.raw([0, 1, 2], new Float64Array(compiled.labels.length)));
    assert.equal(compiled.labels.length, INTENTS.length);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  });

  it('corrects typos exactly like the linear scan it replaces', () => {
    const words = model.vocabulary.filter((t) => /^[a-z]{3,}$/.test(t));
    const closest = createClosestWordIndex(words);
    const probes = ['cancle', 'nevremind', 'hlep', 'kerberso', 'delegaton', 'imperonate', 'zzzzzz', 'stpo', 'thnaks'];
    for (const w of [...probes, ...words.slice(0, 300).map((x) => `${x}s`), ...words.slice(0, 300).map((x) => x.slice(1))]) {
      if (words.includes(w)) continue;
      assert.equal(closest(w), closestWord(w, words), w);
    }
  });
});

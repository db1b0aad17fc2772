// Scores a message against a loaded model: features -> ids (with typo correction) -> the compiled tables. Bayes
// works in log space (natural multiplies probabilities out of logs, which underflows to 0 for every class on a long
// message) before normalising to probabilities that sum to 1.
import { compileModel } from './compiled.js';
import { DOMAIN_FEATURE, featureSet, META_FEATURES } from './features.js';
import { createClosestWordIndex } from './fuzzy.js';
import type { Intent } from './labels.js';
import type { IntentModelJson } from './model-json.js';
import type { ScoredIntent } from './types.js';

export interface ModelScores {
  ranked: ScoredIntent[];
  /** How many of the message's features the model knows: 0 means the model is guessing from priors. */
  knownFeatures: number;
  /** The message has a word, code or shape of the bot's domain (features.ts mentionsDomain, from the same pass). */
  domain: boolean;
}

export interface Scorer {
  score(text: string): ModelScores;
}

/** Unknown words looked up for a typo correction per message: bounds the cost of a long paste. */
const MAX_CORRECTIONS = 24;

/** How many training documents contain each vocabulary entry (the LR state has no counts: all equal). */
function documentFrequency(model: IntentModelJson): number[] {
  const freq = new Array<number>(model.vocabulary.length).fill(0);
  if (model.bayes) {
    for (const counts of Object.values(model.bayes.classFeatures)) {
      for (const [i, n] of Object.entries(counts ?? {})) freq[Number(i)] += n;
    }
  }
  return freq;
}

export function createScorer(model: IntentModelJson): Scorer {
  const compiled = compileModel(model);
  const { index, labels } = compiled;
  // Single stemmed words, most frequent first: the candidates a typo ("cancle", "hlep") is corrected to.
  const frequency = documentFrequency(model);
  const closest = createClosestWordIndex(
    model.vocabulary
      .map((token, i) => ({ token, i }))
      .filter(({ token }) => /^[a-z]{3,}$/.test(token))
      .sort((a, b) => frequency[b.i] - frequency[a.i] || a.i - b.i)
      .map(({ token }) => token),
  );
  const active = (features: string[]): { ids: number[]; known: number } => {
    const ids: number[] = [];
    const seen = new Set<number>();
    let known = 0;
    let corrections = 0;
    for (const token of features) {
      let i = index.get(token);
      if (i === undefined && corrections < MAX_CORRECTIONS && /^[a-z]{4,}$/.test(token)) {
        corrections++;
        const near = closest(token);
        if (near !== undefined) i = index.get(near);
      }
      if (i === undefined || seen.has(i)) continue;
      seen.add(i);
      ids.push(i);
      if (!META_FEATURES.has(token)) known++;
    }
    return { ids, known };
  };
  return {
    score(text) {
      const features = featureSet(text);
      const { ids, known } = active(features);
      const p = compiled.normalise(compiled.raw(ids, new Float64Array(labels.length)));
      const ranked = labels.map((intent: Intent, k) => ({ intent, confidence: p[k] }));
      ranked.sort((a, b) => b.confidence - a.confidence || a.intent.localeCompare(b.intent));
      return { ranked, knownFeatures: known, domain: features.includes(DOMAIN_FEATURE) };
    },
  };
}

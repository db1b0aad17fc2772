// Scores a message against a loaded model. This re-implements only the arithmetic of natural's two classifiers, on
// their saved state, so start-up needs no natural/sylvester objects, a long paste costs O(tokens) instead of
// natural's O(vocabulary x tokens), and Bayes works in log space (natural multiplies probabilities, which
// underflows to 0 for every class on a long message) before normalising to probabilities that sum to 1.
import { featureSet, META_FEATURES } from './features.js';
import { closestWord } from './fuzzy.js';
import type { Intent } from './labels.js';
import type { IntentModelJson } from './model-json.js';
import type { ScoredIntent } from './types.js';

export interface ModelScores {
  ranked: ScoredIntent[];
  /** How many of the message's features the model knows: 0 means the model is guessing from priors. */
  knownFeatures: number;
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
  const index = new Map<string, number>();
  model.vocabulary.forEach((token, i) => index.set(token, i));
  // Single stemmed words, most frequent first: the candidates a typo ("cancle", "hlep") is corrected to.
  const frequency = documentFrequency(model);
  const words = model.vocabulary
    .map((token, i) => ({ token, i }))
    .filter(({ token }) => /^[a-z]{3,}$/.test(token))
    .sort((a, b) => frequency[b.i] - frequency[a.i] || a.i - b.i)
    .map(({ token }) => token);
  const active = (text: string): { ids: number[]; known: number } => {
    const ids = new Set<number>();
    let known = 0;
    let corrections = 0;
    for (const token of featureSet(text)) {
      let i = index.get(token);
      if (i === undefined && corrections < MAX_CORRECTIONS && /^[a-z]{4,}$/.test(token)) {
        corrections++;
        const near = closestWord(token, words);
        if (near !== undefined) i = index.get(near);
      }
      if (i === undefined || ids.has(i)) continue;
      ids.add(i);
      if (!META_FEATURES.has(token)) known++;
    }
    return { ids: [...ids], known };
  };
  const rank = (entries: [Intent, number][]): ScoredIntent[] =>
    entries.map(([intent, confidence]) => ({ intent, confidence })).sort((a, b) => b.confidence - a.confidence || a.intent.localeCompare(b.intent));

  if (model.family === 'bayes' && model.bayes) {
    const { classFeatures, classTotals, totalExamples, smoothing } = model.bayes;
    const labels = Object.keys(classFeatures) as Intent[];
    return {
      score(text) {
        const { ids, known } = active(text);
        const logs = labels.map((label) => {
          const counts = classFeatures[label] ?? {};
          const total = classTotals[label] ?? 1;
          let lp = Math.log(total / totalExamples);
          for (const i of ids) lp += Math.log((counts[i] || smoothing) / total);
          return lp;
        });
        const max = Math.max(...logs);
        const exps = logs.map((l) => Math.exp(l - max));
        const sum = exps.reduce((a, b) => a + b, 0);
        return { ranked: rank(labels.map((l, k) => [l, exps[k] / sum])), knownFeatures: known };
      },
    };
  }
  if (model.family === 'logistic' && model.logistic) {
    const { classifications, theta } = model.logistic;
    return {
      score(text) {
        const { ids, known } = active(text);
        const sig = theta.map((w) => 1 / (1 + Math.exp(-ids.reduce((acc, i) => acc + w[i], 0))));
        const sum = sig.reduce((a, b) => a + b, 0) || 1;
        return { ranked: rank(classifications.map((l, k) => [l, sig[k] / sum])), knownFeatures: known };
      },
    };
  }
  throw new Error(`model family ${model.family} has no state`);
}

// A trained model compiled into flat lookup tables at load time. natural's classify() turns every message into a
// dense 0/1 vector over the whole vocabulary (an indexOf per vocabulary entry, O(vocabulary x tokens)) and Bayes
// looks counts up in string-keyed objects; here a message is a handful of feature ids and scoring is one pass over
// a Float64Array row per id. Same arithmetic as natural's saved state, so the argmax is natural's (checked in
// test/intents/compiled.test.ts on the whole data set).
import type { Intent } from './labels.js';
import type { IntentModelJson } from './model-json.js';

export interface CompiledModel {
  readonly labels: readonly Intent[];
  /** Feature string -> row in the tables. */
  readonly index: ReadonlyMap<string, number>;
  /**
   * Per-label scores for a set of distinct feature ids: log posteriors (up to a constant) for Bayes, weighted
   * sums for logistic regression. Writes into and returns `out` (one slot per label) so scoring allocates nothing.
   */
  raw(ids: ArrayLike<number>, out: Float64Array): Float64Array;
  /** Turns raw scores into probabilities that sum to 1, in place. */
  normalise(scores: Float64Array): Float64Array;
}

export function compileModel(model: IntentModelJson): CompiledModel {
  const index = new Map<string, number>();
  model.vocabulary.forEach((token, i) => index.set(token, i));
  const v = model.vocabulary.length;

  if (model.family === 'bayes' && model.bayes) {
    const { classFeatures, classTotals, totalExamples, smoothing } = model.bayes;
    const labels = Object.keys(classFeatures) as Intent[];
    const l = labels.length;
    const prior = new Float64Array(l);
    // table[id * l + k] = log P(feature id | label k), feature-major so one message feature reads l adjacent slots.
    const table = new Float64Array(v * l);
    labels.forEach((label, k) => {
      const total = classTotals[label] ?? 1;
      prior[k] = Math.log(total / totalExamples);
      const unseen = Math.log(smoothing / total);
      for (let id = 0; id < v; id++) table[id * l + k] = unseen;
      for (const [id, n] of Object.entries(classFeatures[label] ?? {})) table[Number(id) * l + k] = Math.log((n || smoothing) / total);
    });
    return {
      labels,
      index,
      raw(ids, out) {
        out.set(prior);
        for (let j = 0; j < ids.length; j++) {
          const row = ids[j] * l;
          for (let k = 0; k < l; k++) out[k] += table[row + k];
        }
        return out;
      },
      normalise: softmax,
    };
  }
  if (model.family === 'softmax' && model.softmax) {
    const { labels, bias, weights } = model.softmax;
    const l = labels.length;
    const prior = Float64Array.from(bias);
    const table = Float64Array.from(weights);
    return {
      labels,
      index,
      raw(ids, out) {
        out.set(prior);
        for (let j = 0; j < ids.length; j++) {
          const row = ids[j] * l;
          for (let k = 0; k < l; k++) out[k] += table[row + k];
        }
        return out;
      },
      normalise: softmax,
    };
  }
  if (model.family === 'logistic' && model.logistic) {
    const { classifications, theta } = model.logistic;
    const l = classifications.length;
    const table = new Float64Array(v * l);
    theta.forEach((w, k) => {
      for (let id = 0; id < v; id++) table[id * l + k] = w[id];
    });
    return {
      labels: classifications,
      index,
      raw(ids, out) {
        out.fill(0);
        for (let j = 0; j < ids.length; j++) {
          const row = ids[j] * l;
          for (let k = 0; k < l; k++) out[k] += table[row + k];
        }
        return out;
      },
      // natural ranks one-vs-rest sigmoids; they are shared out so the confidences sum to 1.
      normalise(scores) {
        let sum = 0;
        for (let k = 0; k < scores.length; k++) sum += scores[k] = 1 / (1 + Math.exp(-scores[k]));
        for (let k = 0; k < scores.length; k++) scores[k] /= sum || 1;
        return scores;
      },
    };
  }
  throw new Error(`model family ${model.family} has no state`);
}

function softmax(logs: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < logs.length; k++) if (logs[k] > max) max = logs[k];
  let sum = 0;
  for (let k = 0; k < logs.length; k++) sum += logs[k] = Math.exp(logs[k] - max);
  for (let k = 0; k < logs.length; k++) logs[k] /= sum;
  return logs;
}

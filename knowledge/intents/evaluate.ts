// Measures a classifier: accuracy, per-intent precision/recall, confusion matrix; and stratified k-fold
// cross-validation that retrains the model on k-1 folds and runs the whole pipeline (rules + model) on the rest.
import { loadIntentModel, type IntentClassifier } from './classifier.js';
import { INTENTS, type Intent } from './labels.js';
import { trainIntentModel } from './train.js';
import type { ModelFamily, TrainingData } from './types.js';

export interface LabelledUtterance {
  text: string;
  intent: Intent;
}

export interface IntentScore {
  precision: number;
  recall: number;
  support: number;
}

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  /** How many answers were flagged lowConfidence (the bot would ask instead). */
  lowConfidence: number;
  perIntent: Record<Intent, IntentScore>;
  /** confusion[expected][predicted] = count. */
  confusion: Record<Intent, Record<Intent, number>>;
  errors: { text: string; expected: Intent; predicted: Intent; confidence: number }[];
}

interface Prediction {
  text: string;
  expected: Intent;
  predicted: Intent;
  confidence: number;
  lowConfidence: boolean;
}

function report(predictions: Prediction[]): EvalReport {
  const confusion = {} as Record<Intent, Record<Intent, number>>;
  for (const a of INTENTS) {
    confusion[a] = {} as Record<Intent, number>;
    for (const b of INTENTS) confusion[a][b] = 0;
  }
  for (const p of predictions) confusion[p.expected][p.predicted]++;
  const perIntent = {} as Record<Intent, IntentScore>;
  for (const intent of INTENTS) {
    const tp = confusion[intent][intent];
    const predicted = INTENTS.reduce((n, e) => n + confusion[e][intent], 0);
    const support = INTENTS.reduce((n, p) => n + confusion[intent][p], 0);
    perIntent[intent] = { precision: predicted ? tp / predicted : 0, recall: support ? tp / support : 0, support };
  }
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  return {
    total: predictions.length,
    correct,
    accuracy: predictions.length ? correct / predictions.length : 0,
    lowConfidence: predictions.filter((p) => p.lowConfidence).length,
    perIntent,
    confusion,
    errors: predictions
      .filter((p) => p.expected !== p.predicted)
      .map(({ text, expected, predicted, confidence }) => ({ text, expected, predicted, confidence })),
  };
}

function predict(classifier: IntentClassifier, items: LabelledUtterance[]): Prediction[] {
  return items.map(({ text, intent }) => {
    const c = classifier.classify(text);
    return { text, expected: intent, predicted: c.intent, confidence: c.confidence, lowConfidence: c.lowConfidence };
  });
}

export function evaluate(classifier: IntentClassifier, items: LabelledUtterance[]): EvalReport {
  return report(predict(classifier, items));
}

/** Flattens TrainingData into labelled items (used for held-out sets read the same way as training files). */
export function labelled(data: TrainingData): LabelledUtterance[] {
  return INTENTS.flatMap((intent) => (data[intent] ?? []).map((text) => ({ text, intent })));
}

/**
 * Stratified, deterministic k-fold: utterance i of each intent goes to fold i mod k, so every fold holds every
 * intent in proportion and two runs give identical figures.
 */
export function crossValidate(data: TrainingData, family: ModelFamily, k = 5): EvalReport {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer >= 2, got ${k}`);
  const predictions: Prediction[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = {} as TrainingData;
    const test: LabelledUtterance[] = [];
    for (const intent of INTENTS) {
      const all = data[intent] ?? [];
      train[intent] = all.filter((_, i) => i % k !== fold);
      all.forEach((text, i) => {
        if (i % k === fold) test.push({ text, intent });
      });
    }
    predictions.push(...predict(loadIntentModel(trainIntentModel(train, family)), test));
  }
  return report(predictions);
}

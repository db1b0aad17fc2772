// Trains our softmax regression (softmax.ts) or one of natural's classifier families on the feature tokens and captures its state as IntentModelJson.
import Bayes from 'natural/lib/natural/classifiers/bayes_classifier.js';
import Logistic from 'natural/lib/natural/classifiers/logistic_regression_classifier.js';
import { hashTrainingData } from './data-hash.js';
import { trainSoftmax } from './softmax.js';
import { featureSet } from './features.js';
import { INTENTS } from './labels.js';
import { MODEL_FORMAT, MODEL_VERSION, parseIntentModelJson, type IntentModelJson } from './model-json.js';
import type { ModelFamily, TrainingData } from './types.js';

/**
 * The family shipped by default; scripts/eval-intents.ts compares it with natural's Bayes by k-fold
 * cross-validation (softmax 93.0 %, Bayes about 89 % on the same features and pipeline).
 */
export const DEFAULT_FAMILY: ModelFamily = 'softmax';

/**
 * natural's Bayes smoothing: the count a class gets for a feature it never saw (natural's default is 1). Chosen by
 * 5-fold cross-validation (eval:intents) on the version-2 features: 0.02 / 0.1 / 0.3 / 1 gave 87.8 / 88.0 / 88.1 / 87.1 %;
 * 0.1 misreads one escalate/cancel fold item fewer than 0.3.
 */
export const BAYES_SMOOTHING = 0.1;

export class TrainingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainingError';
  }
}

interface ApparatusBayesState {
  classFeatures: Record<string, Record<string, number>>;
  classTotals: Record<string, number>;
  totalExamples: number;
  smoothing: number;
}
interface ApparatusLogisticState {
  classifications: string[];
  theta: { elements: number[] }[];
}

/** natural's classifier object (BayesClassifier or LogisticRegressionClassifier) after train(). */
export type NaturalClassifier = InstanceType<typeof Bayes> | InstanceType<typeof Logistic>;

/**
 * Trains natural's classifier of the given family on the feature tokens. Exported so a test can check that the
 * compiled tables (compiled.ts) predict exactly what natural's own classify() predicts.
 */
export function trainNaturalClassifier(data: TrainingData, family: Exclude<ModelFamily, 'softmax'> = 'bayes'): NaturalClassifier {
  const classifier = family === 'bayes' ? new Bayes(undefined, BAYES_SMOOTHING) : new Logistic();
  // Documents are added as token arrays, so natural's stemmer and its mutable global stop-word list are bypassed:
  // training is deterministic and uses exactly the features classification will use.
  let added = 0;
  for (const intent of INTENTS) {
    for (const utterance of data[intent] ?? []) {
      const tokens = featureSet(utterance);
      if (tokens.length === 0) continue;
      classifier.addDocument(tokens, intent);
      added++;
    }
  }
  const missing = INTENTS.filter((i) => !(data[i] ?? []).some((u) => featureSet(u).length > 0));
  if (missing.length) throw new TrainingError(`no usable training utterances for: ${missing.join(', ')}`);
  if (added === 0) throw new TrainingError('no training utterances');
  classifier.train();
  return classifier;
}

export function trainIntentModel(data: TrainingData, family: ModelFamily = DEFAULT_FAMILY): IntentModelJson {
  if (family === 'softmax') {
    const missing = INTENTS.filter((i) => !(data[i] ?? []).some((u) => featureSet(u).length > 0));
    if (missing.length) throw new TrainingError(`no usable training utterances for: ${missing.join(', ')}`);
    const { vocabulary, state } = trainSoftmax(data);
    return parseIntentModelJson({ format: MODEL_FORMAT, version: MODEL_VERSION, dataHash: hashTrainingData(data), family, vocabulary, softmax: state });
  }
  const classifier = trainNaturalClassifier(data, family);
  const base = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    dataHash: hashTrainingData(data),
    vocabulary: Object.keys(classifier.features),
  };
  if (family === 'bayes') {
    const s = classifier.classifier as unknown as ApparatusBayesState;
    return parseIntentModelJson({
      ...base,
      family,
      bayes: { classFeatures: s.classFeatures, classTotals: s.classTotals, totalExamples: s.totalExamples, smoothing: s.smoothing },
    });
  }
  const s = classifier.classifier as unknown as ApparatusLogisticState;
  return parseIntentModelJson({
    ...base,
    family,
    logistic: { classifications: s.classifications, theta: s.theta.map((v) => [...v.elements]) },
  });
}

// The saved model: plain JSON, validated on load so a stale or hand-edited file fails with a named field.
import { z } from 'zod';
import { INTENTS } from './labels.js';

export const MODEL_FORMAT = 'iis-support-bot/intent-model';
/** Bump when features.ts or the JSON shape changes: older files are then retrained instead of misread. */
export const MODEL_VERSION = 3;

const intentSchema = z.enum(INTENTS);

/**
 * feature index -> smoothed document count. Checked by hand rather than with z.record(z.string().regex(..), ..):
 * zod's per-entry parsing of the ~10 000 counts took over 100 ms, half the start-up budget.
 */
const countsSchema = z.custom<Record<string, number>>(
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    for (const [key, n] of Object.entries(value)) {
      if (!/^\d+$/.test(key) || typeof n !== 'number' || !(n >= 0)) return false;
    }
    return true;
  },
  { message: 'expected { featureIndex: non-negative count }' },
);

/** Arrays of thousands of entries are also checked by hand, for the same reason. */
function arrayOf<T>(isItem: (x: unknown) => x is T, message: string) {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(isItem), { message });
}
const isWord = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isWeights = (x: unknown): x is number[] => Array.isArray(x) && x.every(isNumber);

const bayesSchema = z.object({
  /** intent -> feature index -> smoothed document count (natural's apparatus BayesClassifier state). */
  classFeatures: z.record(intentSchema, countsSchema),
  classTotals: z.record(intentSchema, z.number().positive()),
  totalExamples: z.number().positive(),
  smoothing: z.number().positive(),
});

const logisticSchema = z.object({
  classifications: z.array(intentSchema).min(1),
  /** One weight vector per entry of `classifications`, each as long as the vocabulary. */
  theta: arrayOf(isWeights, 'expected an array of weight arrays'),
});

const softmaxSchema = z.object({
  labels: z.array(intentSchema).min(1),
  /** One bias per label. */
  bias: arrayOf(isNumber, 'expected an array of numbers'),
  /** weights[featureIndex * labels.length + label], feature-major. */
  weights: arrayOf(isNumber, 'expected an array of numbers'),
});

export const intentModelSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    family: z.enum(['bayes', 'logistic', 'softmax']),
    /** FNV-1a of the training data, so a loader can tell the model is stale without timestamps. */
    dataHash: z.string().regex(/^[0-9a-f]{8}$/),
    vocabulary: arrayOf(isWord, 'expected an array of non-empty strings'),
    bayes: bayesSchema.optional(),
    logistic: logisticSchema.optional(),
    softmax: softmaxSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.family === 'bayes' && !m.bayes) ctx.addIssue({ code: 'custom', path: ['bayes'], message: 'missing for family "bayes"' });
    for (const [intent, counts] of Object.entries(m.bayes?.classFeatures ?? {})) {
      // The compiled tables (compiled.ts) have one row per vocabulary entry: an index past the end is a bad file.
      if (Object.keys(counts ?? {}).some((k) => Number(k) >= m.vocabulary.length)) {
        ctx.addIssue({ code: 'custom', path: ['bayes', 'classFeatures', intent], message: 'feature index outside the vocabulary' });
      }
    }
    if (m.family === 'softmax') {
      if (!m.softmax) {
        ctx.addIssue({ code: 'custom', path: ['softmax'], message: 'missing for family "softmax"' });
      } else if (m.softmax.bias.length !== m.softmax.labels.length || m.softmax.weights.length !== m.softmax.labels.length * m.vocabulary.length) {
        ctx.addIssue({ code: 'custom', path: ['softmax', 'weights'], message: 'one weight per vocabulary entry per label and one bias per label expected' });
      }
    }
    if (m.family === 'logistic') {
      if (!m.logistic) {
        ctx.addIssue({ code: 'custom', path: ['logistic'], message: 'missing for family "logistic"' });
      } else if (m.logistic.theta.length !== m.logistic.classifications.length || m.logistic.theta.some((t) => t.length !== m.vocabulary.length)) {
        ctx.addIssue({ code: 'custom', path: ['logistic', 'theta'], message: 'one weight per vocabulary entry per class expected' });
      }
    }
  });

export type IntentModelJson = z.infer<typeof intentModelSchema>;
export type BayesState = NonNullable<IntentModelJson['bayes']>;
export type LogisticState = NonNullable<IntentModelJson['logistic']>;
export type SoftmaxModelState = NonNullable<IntentModelJson['softmax']>;

export class IntentModelError extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}: ${issues.join('; ')}` : message);
    this.name = 'IntentModelError';
  }
}

/** Validates unknown JSON (a parsed file) as a model; throws IntentModelError naming each bad field. */
export function parseIntentModelJson(json: unknown): IntentModelJson {
  const result = intentModelSchema.safeParse(json);
  if (!result.success) {
    throw new IntentModelError(
      'invalid intent model',
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return result.data;
}

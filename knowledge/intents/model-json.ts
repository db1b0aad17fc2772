// The saved model: plain JSON, validated on load so a stale or hand-edited file fails with a named field.
import { z } from 'zod';
import { INTENTS } from './labels.js';

export const MODEL_FORMAT = 'iis-support-bot/intent-model';
/** Bump when features.ts or the JSON shape changes: older files are then retrained instead of misread. */
export const MODEL_VERSION = 1;

const intentSchema = z.enum(INTENTS);

const bayesSchema = z.object({
  /** intent -> feature index -> smoothed document count (natural's apparatus BayesClassifier state). */
  classFeatures: z.record(intentSchema, z.record(z.string().regex(/^\d+$/), z.number().nonnegative())),
  classTotals: z.record(intentSchema, z.number().positive()),
  totalExamples: z.number().positive(),
  smoothing: z.number().positive(),
});

const logisticSchema = z.object({
  classifications: z.array(intentSchema).min(1),
  /** One weight vector per entry of `classifications`, each as long as the vocabulary. */
  theta: z.array(z.array(z.number())),
});

export const intentModelSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    family: z.enum(['bayes', 'logistic']),
    /** FNV-1a of the training data, so a loader can tell the model is stale without timestamps. */
    dataHash: z.string().regex(/^[0-9a-f]{8}$/),
    vocabulary: z.array(z.string().min(1)),
    bayes: bayesSchema.optional(),
    logistic: logisticSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.family === 'bayes' && !m.bayes) ctx.addIssue({ code: 'custom', path: ['bayes'], message: 'missing for family "bayes"' });
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

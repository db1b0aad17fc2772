// The classifier the bot and the CLI call: rules first, then the trained model, then the confidence threshold.
import { extractEntities } from './entities/index.js';
import type { Intent } from './labels.js';
import { parseIntentModelJson, type IntentModelJson } from './model-json.js';
import { applyRules } from './rules.js';
import { createScorer } from './score.js';
import { saysItWorks, saysPartlyWorks, saysWhereItWorks } from './success-words.js';
import type { Classification, Entity, ScoredIntent } from './types.js';

/** Below this the bot asks what the user means instead of acting on the intent (calibrated by eval:intents). */
export const CONFIDENCE_THRESHOLD = 0.6;
/** Confidence reported when a deterministic rule decided. */
export const RULE_CONFIDENCE = 0.99;

/** Intents that only make sense about IIS / Windows authentication. */
const DOMAIN_INTENTS = new Set<Intent>(['report_problem', 'upload_logs', 'explain_concept', 'how_to']);

const CODE_TYPES = new Set<Entity['type']>(['hresult', 'win32', 'ntstatus', 'sspi', 'kerberos', 'http_status', 'event_id']);

export interface IntentClassifier {
  readonly family: IntentModelJson['family'];
  readonly dataHash: string;
  classify(text: string): Classification;
}

/** Validates the saved JSON (throws IntentModelError naming the bad fields) and builds a classifier from it. */
export function loadIntentModel(json: unknown): IntentClassifier {
  const model = parseIntentModelJson(json);
  const scorer = createScorer(model);
  return {
    family: model.family,
    dataHash: model.dataHash,
    classify(text: string): Classification {
      // Entities are extracted when first read: a turn reads only the intent, and the rules need the codes only
      // for a message with no conversational words (a bare paste).
      let found: Entity[] | undefined;
      const entitiesOf = (): Entity[] => (found ??= extractEntities(text));
      const rule = applyRules(text, () => entitiesOf().some((e) => CODE_TYPES.has(e.type)));
      const scored = scorer.score(text);
      const { knownFeatures, domain } = scored;
      const ranked = withoutUnbackedFixed(scored.ranked, text);
      if (rule) {
        return {
          intent: rule.intent,
          confidence: RULE_CONFIDENCE,
          lowConfidence: false,
          alternatives: scaleAlternatives(ranked, rule.intent),
          get entities() {
            return entitiesOf();
          },
          source: `rule:${rule.rule}`,
        };
      }
      if (knownFeatures === 0) {
        // Not one word the model has seen: whatever it ranks first is the class prior, not a reading of the
        // message. Call it out of scope and let the bot ask.
        const oos = ranked.find((s) => s.intent === 'out_of_scope');
        return {
          intent: 'out_of_scope',
          confidence: round(oos?.confidence ?? 0),
          lowConfidence: true,
          alternatives: ranked.filter((s) => s.intent !== 'out_of_scope').map((s) => ({ intent: s.intent, confidence: round(s.confidence) })),
          get entities() {
            return entitiesOf();
          },
          source: `model:${model.family}+nothing-known`,
        };
      }
      const top = ranked[0] ?? { intent: 'out_of_scope' as Intent, confidence: 0 };
      if (DOMAIN_INTENTS.has(top.intent) && !domain) {
        // "how do i make pasta" has the shape of a how_to but nothing of IIS or Windows auth in it: only the
        // intents that need no domain words stay in the running ("how do i use you" is still help).
        const rest = ranked.filter((s) => !DOMAIN_INTENTS.has(s.intent));
        const sum = rest.reduce((a, s) => a + s.confidence, 0) || 1;
        const best = rest[0] ?? { intent: 'out_of_scope' as Intent, confidence: 0 };
        return {
          intent: best.intent,
          confidence: round(best.confidence / sum),
          lowConfidence: best.confidence / sum < CONFIDENCE_THRESHOLD,
          alternatives: ranked.filter((s) => s !== best).map((s) => ({ intent: s.intent, confidence: round(s.confidence) })),
          get entities() {
            return entitiesOf();
          },
          source: `model:${model.family}+no-domain-words`,
        };
      }
      return {
        intent: top.intent,
        confidence: round(top.confidence),
        lowConfidence: top.confidence < CONFIDENCE_THRESHOLD,
        alternatives: ranked.slice(1).map((s) => ({ intent: s.intent, confidence: round(s.confidence) })),
        get entities() {
          return entitiesOf();
        },
        source: `model:${model.family}`,
      };
    },
  };
}

/**
 * feedback_fixed without a word that says something works is dropped from the running, and the others share its
 * weight: the message is read as what else it most looks like. Where or for whom it works ("works from home") is a
 * symptom: its weight goes to report_problem.
 */
function withoutUnbackedFixed(ranked: ScoredIntent[], text: string): ScoredIntent[] {
  if (saysPartlyWorks(text)) return asProblem(ranked, ['feedback_fixed', 'feedback_not_fixed']);
  const fixed = ranked.find((s) => s.intent === 'feedback_fixed');
  if (!fixed || saysItWorks(text)) return ranked;
  if (saysWhereItWorks(text)) return asProblem(ranked, ['feedback_fixed']);
  const rest = ranked.filter((s) => s.intent !== 'feedback_fixed');
  const sum = rest.reduce((a, s) => a + s.confidence, 0) || 1;
  return [...rest.map((s) => ({ intent: s.intent, confidence: s.confidence / sum })), { intent: 'feedback_fixed' as Intent, confidence: 0 }];
}

/** The weight of `intents` moved to report_problem: the message is more of the case. */
function asProblem(ranked: ScoredIntent[], intents: Intent[]): ScoredIntent[] {
  const moved = ranked.filter((s) => intents.includes(s.intent)).reduce((a, s) => a + s.confidence, 0);
  return ranked
    .map((s) => (s.intent === 'report_problem' ? { intent: s.intent, confidence: s.confidence + moved } : intents.includes(s.intent) ? { intent: s.intent, confidence: 0 } : s))
    .sort((a, b) => b.confidence - a.confidence);
}

/** When a rule decides, the model's ranking of the others is still useful; it shares what the rule left over. */
function scaleAlternatives(ranked: ScoredIntent[], chosen: Intent): ScoredIntent[] {
  const rest = ranked.filter((s) => s.intent !== chosen);
  const sum = rest.reduce((a, s) => a + s.confidence, 0) || 1;
  return rest.map((s) => ({ intent: s.intent, confidence: round(((1 - RULE_CONFIDENCE) * s.confidence) / sum) }));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

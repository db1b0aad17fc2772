// Public result shapes of the intent classifier and the entity extractor.
import type { Intent } from './labels.js';

export type CodeEntityType = 'hresult' | 'win32' | 'ntstatus' | 'sspi' | 'kerberos' | 'http_status' | 'event_id';

export type EntityType =
  | CodeEntityType
  | 'privilege'
  | 'account'
  | 'host'
  | 'url'
  | 'version'
  | 'auth_type';

/** One thing found in the text; `start`/`end` are UTF-16 offsets into the original text (end exclusive). */
export interface Entity {
  type: EntityType;
  /** Exactly the text between start and end. */
  value: string;
  start: number;
  end: number;
  /** Normalised form when it differs from what was written ("SeTcbPrivilege", "Kerberos", "0x80070542"). */
  canonical?: string;
}

export interface ScoredIntent {
  intent: Intent;
  confidence: number;
}

export interface Classification {
  intent: Intent;
  /** 0..1: the model's normalised probability, or the rule's fixed confidence. */
  confidence: number;
  /** True when the bot should ask rather than act on `intent`. */
  lowConfidence: boolean;
  /** The other intents, best first (never includes `intent`). */
  alternatives: ScoredIntent[];
  entities: Entity[];
  /** Which layer decided: a deterministic rule id ("rule:cancel-command") or "model:softmax" / "model:bayes". */
  source: string;
}

/** natural's Bayes and logistic regression, and our own fast softmax regression (softmax.ts). */
export type ModelFamily = 'bayes' | 'logistic' | 'softmax';

export type TrainingData = Record<Intent, string[]>;

// What the cards' buttons send back: one small contract shared by the card builder (which writes it into
// Action.Submit data) and the dialogs (which read it from activity.value, a Teams messageBack, or typed text).
import type { SubmitAction } from './card-types.js';

export const CARD_ACTIONS = ['fixed', 'not_it', 'show_all', 'show_cause', 'escalate', 'answer'] as const;
export type CardActionKind = (typeof CARD_ACTIONS)[number];

export interface CardActionData {
  action: CardActionKind;
  causeId?: string;
  questionId?: string;
  value?: string;
}

/** Button titles. Channels that turn a button into typed text (imBack) send these back verbatim. */
export const BUTTON_TITLES = {
  fixed: 'That fixed it',
  not_it: 'Not it, next cause',
  show_all: 'Show all causes',
  escalate: 'Talk to an engineer',
  show_more: 'Show more',
  show_less: 'Show less',
  report: 'Open the full report',
} as const;

export function isCardActionKind(value: unknown): value is CardActionKind {
  return typeof value === 'string' && (CARD_ACTIONS as readonly string[]).includes(value);
}

/**
 * Reads a button's payload: an Action.Submit data object, or the same object as a JSON string (how some channels
 * pass a messageBack value). Anything else is not ours: undefined.
 */
/**
 * A button's submitted value as an object: Action.Submit passes an object, some channels (Teams messageBack) the
 * same object as a JSON string. Anything else: undefined.
 */
export function submittedObject(value: unknown): Record<string, unknown> | undefined {
  let raw: unknown = value;
  if (typeof raw === 'string') {
    if (!raw.trim().startsWith('{')) return undefined;
    try {
      raw = JSON.parse(raw);
    } catch (err) {
      if (err instanceof SyntaxError) return undefined;
      throw err;
    }
  }
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

export function parseCardAction(value: unknown): CardActionData | undefined {
  const o = submittedObject(value);
  if (!o) return undefined;
  if (!isCardActionKind(o.action)) return undefined;
  const text = (k: string): string | undefined =>
    typeof o[k] === 'string' && (o[k] as string).length > 0 ? (o[k] as string) : undefined;
  const data: CardActionData = { action: o.action };
  const causeId = text('causeId');
  const questionId = text('questionId');
  const answerValue = text('value');
  if (causeId) data.causeId = causeId;
  if (questionId) data.questionId = questionId;
  if (answerValue) data.value = answerValue;
  // An answer without its question, or a verdict without its cause, cannot be acted on.
  if (data.action === 'answer' && (!data.questionId || !data.value)) return undefined;
  if ((data.action === 'fixed' || data.action === 'not_it' || data.action === 'show_cause') && !data.causeId)
    return undefined;
  return data;
}

/** The button itself: plain Action.Submit, which Teams, Web Chat and the local chat all post back as activity.value. */
export function submitAction(title: string, data: CardActionData): SubmitAction {
  const payload: Record<string, string> = { action: data.action };
  if (data.causeId) payload.causeId = data.causeId;
  if (data.questionId) payload.questionId = data.questionId;
  if (data.value) payload.value = data.value;
  return { type: 'Action.Submit', title, data: payload };
}

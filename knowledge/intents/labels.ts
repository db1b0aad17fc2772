// The intent labels every user message is sorted into; the order is the display order in reports.
export const INTENTS = [
  'report_problem',
  'upload_logs',
  'explain_concept',
  'how_to',
  'escalate',
  'feedback_fixed',
  'feedback_not_fixed',
  'greeting',
  'help',
  'cancel',
  'out_of_scope',
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

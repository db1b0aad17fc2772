// The conversation: main routing with interruptions, Diagnose, Explain and Escalate, over conversation state.
export { createSupportBot, DialogSupportBot, type SupportBotDeps } from './support-bot.js';
export type {
  DialogServices,
  DialogLogger,
  Escalate,
  FeedbackOutcome,
  FileCollector,
  RecordFeedback,
} from './services.js';
export { CASE_PROPERTY, DIALOG_STATE_PROPERTY, conversationAccessors } from './conversation-state.js';
export { MAIN_DIALOG, MainDialog } from './main-dialog.js';
export { DIAGNOSE_DIALOG, DiagnoseDialog, type DiagnoseState } from './diagnose-dialog.js';
export { EXPLAIN_DIALOG, ExplainDialog } from './explain-dialog.js';
export { ESCALATE_DIALOG, EscalateDialog } from './escalate-dialog.js';
export { findExplanation } from './find-explanation.js';
export { captureGuide, traceWouldSettle, FREB_CONCEPT_ID } from './capture-guide.js';
export { caseSummary } from './case-summary.js';
export { readTurnInput, type TurnInput } from './turn-input.js';

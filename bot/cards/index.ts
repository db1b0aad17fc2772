// Replies: diagnosis, questions, explanations and case summaries as Adaptive Cards 1.5 (under Teams' 28 KB) and as
// the same content in Markdown.
export * from './card-types.js';
export {
  BUTTON_TITLES,
  CARD_ACTIONS,
  isCardActionKind,
  parseCardAction,
  submitAction,
  type CardActionData,
  type CardActionKind,
} from './card-actions.js';
export {
  CARD_BUDGET_BYTES,
  MARKDOWN_BUDGET_CHARS,
  TEAMS_MESSAGE_LIMIT_BYTES,
  cardBytes,
} from './card-size.js';
export { causeCard, causeHeading, type CauseView } from './cause-card.js';
export { causeMarkdown, numberedItem } from './cause-markdown.js';
export { causeReply } from './cause-reply.js';
export { allCausesReply, type AllCausesView } from './all-causes-card.js';
export { questionReply } from './question-card.js';
export { explanationReply, type ExplanationView } from './explanation-card.js';
export { engineerOfferReply, type EngineerOfferView } from './engineer-offer-card.js';
export { caseSummaryMarkdown, citeSource, type CaseSummaryView } from './case-summary.js';
export { captureGuideMarkdown, type CaptureGuideView } from './capture-guide.js';
export { confidenceInWords, rankInWords } from './confidence-words.js';
export { supportsAdaptiveCards } from './channel-support.js';
export { isSharedBlock, sharedMarkdownBlocks } from './shared-blocks.js';
export { jsonBytes } from './json-size.js';

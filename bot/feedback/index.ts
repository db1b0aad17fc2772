// Feedback per knowledge-base cause.
export { FeedbackStore, type CauseFeedback, type FeedbackOutcome } from './feedback-store.js';

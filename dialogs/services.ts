// What the conversation needs from the outside, as interfaces the composition root fills in. Structurally a superset
// of bot/services.ts's BotServices, so dialogs/ never imports the server.
import type { Activity, TurnContext } from 'botbuilder';
import type { Case, FileError, IngestInput, IngestOptions, KnowledgeBase } from '../knowledge/index.js';
import type { Classification } from '../knowledge/intents/index.js';

export type FeedbackOutcome = 'fixed' | 'not_fixed';

/** Feedback per cause, for the knowledge base's quality report. */
export type RecordFeedback = (
  causeId: string,
  outcome: FeedbackOutcome,
  conversationId: string,
) => Promise<void> | void;

/**
 * Hands the case to an engineer (ticket, engineers' channel). It tells the user what happened (e.g. the ticket
 * number) itself; the dialog only says something when it throws.
 */
export type Escalate = (context: TurnContext, c: Case) => Promise<void>;

export interface FileCollector {
  collect(
    activity: Pick<Activity, 'attachments' | 'channelId'>,
  ): Promise<{ files: IngestInput[]; errors: FileError[] }>;
}

export interface DialogLogger {
  debug(message: string, context?: Record<string, string | number | boolean | undefined>): void;
  info(message: string, context?: Record<string, string | number | boolean | undefined>): void;
  warn(message: string, context?: Record<string, string | number | boolean | undefined>): void;
}

export interface DialogServices {
  kb: KnowledgeBase;
  attachments: FileCollector;
  ingestOptions: IngestOptions;
  log: DialogLogger;
  /** The intent classifier (knowledge/intents), loaded by the root: runtime/intent-model.ts. */
  classify: (text: string) => Classification;
  /** Absent: feedback is logged, not stored. */
  recordFeedback?: RecordFeedback;
  /** Absent: the bot says handoff is not configured and gives the user a case summary to copy. */
  escalate?: Escalate;
  /** The case's report page (evidence highlighted, trace timelines); absent: cards carry no report link. */
  reports?: CaseReports;
}

/**
 * A case's report page. `link` answers the URL every card of the case carries: the page shows the case as it is
 * when opened. `close` freezes that page before the case is replaced, so older cards' links keep showing it.
 */
export interface CaseReports {
  link(context: TurnContext): Promise<string>;
  close(context: TurnContext, c: Case): Promise<void>;
}

// The engine services handed to the conversation logic: the validated knowledge base, safe attachment download,
// the limits the ingestion layer must apply, and a logger. Built once by the composition root.
import type { TurnContext } from 'botbuilder';
import type { IngestOptions } from '../knowledge/ingest/types.js';
import type { Classification } from '../knowledge/intents/index.js';
import type { Case } from '../knowledge/types.js';
import type { FeedbackOutcome } from './feedback/index.js';
import type { KnowledgeBase } from '../knowledge/kb-loader/load.js';
import type { AttachmentService } from './attachments/index.js';
import type { Logger } from './log.js';
import type { CaseReports } from './reports/live-report.js';

export interface BotServices {
  kb: KnowledgeBase;
  /** `collect(activity)` -> the message's files as IngestInputs (streams: read once) plus per-file errors. */
  attachments: Pick<AttachmentService, 'collect'>;
  /** Pass to diagnoseInputs / ingestion so uploads are capped the same everywhere. */
  ingestOptions: IngestOptions;
  log: Logger;
  version: string;
  /** True when the bot runs without app credentials on loopback (the terminal chat's mode). */
  localMode: boolean;
  /** The intent classifier, loaded (or trained) once at start. */
  classify: (text: string) => Classification;
  /** Feedback per cause, stored durably for the knowledge base's quality report. */
  recordFeedback: (causeId: string, outcome: FeedbackOutcome, conversationId: string) => Promise<void>;
  /** Hands a case to engineers (tickets); absent when escalation is not configured. */
  escalate?: (context: TurnContext, c: Case) => Promise<void>;
  /** The case's report page: one link per case for its cards, frozen when the case is replaced. */
  reports?: CaseReports;
}

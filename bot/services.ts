// The engine services handed to the conversation logic: the validated knowledge base, safe attachment download,
// the limits the ingestion layer must apply, and a logger. Built once by the composition root.
import type { IngestOptions } from '../knowledge/ingest/types.js';
import type { KnowledgeBase } from '../knowledge/kb-loader/load.js';
import type { AttachmentService } from './attachments/index.js';
import type { Logger } from './log.js';

export interface BotServices {
  kb: KnowledgeBase;
  /** `collect(activity)` -> the message's files as IngestInputs (streams: read once) plus per-file errors. */
  attachments: AttachmentService;
  /** Pass to diagnoseInputs / ingestion so uploads are capped the same everywhere. */
  ingestOptions: IngestOptions;
  log: Logger;
  version: string;
  /** True when the bot runs without app credentials on loopback (the terminal chat's mode). */
  localMode: boolean;
}

// Keeps a redacted copy of every upload for the handoff packet. Wraps the attachment collector the dialogs use: each
// file is read once into memory (uploads are already capped by ATTACHMENT_MAX_BYTES), ingested for its redacted
// text and summary, recorded, and handed on to the dialog as the same bytes.
import type { Activity } from 'botbuilder';
import { ingestFiles } from '../../../knowledge/ingest/index.js';
import type { FileError, IngestInput, IngestOptions } from '../../../knowledge/index.js';
import type { Logger } from '../../log.js';
import { errorContext } from '../../turn-error.js';
import type { ConversationLogStore } from '../store/index.js';
import { cleanText } from './deep-redact.js';

export interface FileCollectorLike {
  collect(activity: Pick<Activity, 'attachments' | 'channelId'>): Promise<{ files: IngestInput[]; errors: FileError[] }>;
}

/** Characters of a redacted copy kept per file. */
export const MAX_COPY_CHARS = 200_000;

async function toBuffer(file: IngestInput): Promise<Buffer> {
  if (file.data) return file.data;
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream ?? []) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function recordUploads(inner: FileCollectorLike, log: Pick<ConversationLogStore, 'addUpload'>, logger: Logger, options: IngestOptions = {}): FileCollectorLike {
  return {
    async collect(activity) {
      const collected = await inner.collect(activity);
      const conversationId = (activity as Partial<Activity>).conversation?.id;
      const files: IngestInput[] = [];
      for (const f of collected.files) {
        const data = await toBuffer(f);
        files.push({ name: f.name, data, size: data.length });
        if (!conversationId) continue;
        try {
          const result = await ingestFiles([{ name: f.name, data }], options);
          const parsed = result.files[0];
          await log.addUpload(conversationId, {
            name: f.name,
            format: parsed?.format,
            summary: parsed ? cleanText(parsed.summary, 500) : undefined,
            redactedText: parsed?.redactedText ? cleanText(parsed.redactedText, MAX_COPY_CHARS) : undefined,
          });
        } catch (err) {
          // The dialog still gets the file; only the packet's copy is missing, and the log says so.
          logger.warn('upload copy not recorded for escalation', { file: f.name, ...errorContext(err) });
        }
      }
      return { files, errors: collected.errors };
    },
  };
}

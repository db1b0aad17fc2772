// A per-file download problem. It is an IngestError, so the ingestion layer and the replies treat it like any
// other bad file: the message is for people and names the problem, `file` names the file.
import { IngestError } from '../../knowledge/ingest/types.js';

export type AttachmentFailure = 'refused' | 'http-status' | 'timeout' | 'too-large' | 'network' | 'bad-data';

export class AttachmentError extends IngestError {
  constructor(
    file: string,
    readonly reason: AttachmentFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(file, message);
    this.name = 'AttachmentError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

// Turns a message's attachments into ingestion inputs: downloads start in parallel, each failure becomes a FileError
// naming the file, and bodies are handed over as streams (the ingestion layer reads them once).
import type { Activity } from 'botbuilder';
import type { IngestInput } from '../../knowledge/ingest/types.js';
import type { FileError } from '../../knowledge/types.js';
import { decodeDataUrl } from './data-url.js';
import { openDownload, type DownloadLimits } from './download.js';
import { fileRefs } from './file-refs.js';
import type { UrlPolicy } from './url-policy.js';
import { IngestError } from '../../knowledge/ingest/types.js';

export interface AttachmentServiceOptions extends DownloadLimits, UrlPolicy {
  /** Local mode only: accept `data:` URL uploads from the local chat client. */
  acceptLocalDataUrls: boolean;
}

export interface CollectedFiles {
  files: IngestInput[];
  errors: FileError[];
}

export class AttachmentService {
  constructor(private readonly options: AttachmentServiceOptions) {}

  async collect(activity: Pick<Activity, 'attachments' | 'channelId'>): Promise<CollectedFiles> {
    const { refs, errors } = fileRefs(activity.attachments, activity.channelId, this.options.acceptLocalDataUrls);
    const opened = await Promise.allSettled(
      refs.map((ref) =>
        ref.kind === 'data' ? Promise.resolve(decodeDataUrl(ref.name, ref.dataUrl, this.options.maxBytes)) : openDownload(ref.name, ref.url, this.options, this.options),
      ),
    );
    const files: IngestInput[] = [];
    opened.forEach((result, i) => {
      if (result.status === 'fulfilled') files.push(result.value);
      else if (result.reason instanceof IngestError) errors.push({ file: result.reason.file, message: result.reason.message });
      else errors.push({ file: refs[i].name, message: `${refs[i].name}: the file could not be read.` });
    });
    return { files, errors };
  }
}

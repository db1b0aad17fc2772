// Reads the channel-specific attachment shapes into one list of files to fetch:
// Web Chat / Direct Line `contentUrl`, Teams `file.download.info` `downloadUrl`, and the local chat's `data:` URLs.
import type { Attachment } from 'botbuilder';
import type { FileError } from '../../knowledge/types.js';

export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
/** The channel id the terminal chat (`npm run chat`) posts with. */
export const LOCAL_CHAT_CHANNEL_ID = 'local-chat';
const MAX_FILES_PER_MESSAGE = 10;

export type FileRef = { name: string; kind: 'url'; url: string } | { name: string; kind: 'data'; dataUrl: string };

export interface FileRefs {
  refs: FileRef[];
  errors: FileError[];
}

/** File names as shown and cited: the last path segment, no control characters, bounded length. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || fallback;
}

/**
 * @param acceptDataUrls true only for this bot's own local chat client in local mode: anything else sending a
 *   `data:` URL is refused, so a channel cannot push unbounded inline payloads past the download limits.
 */
export function fileRefs(attachments: Attachment[] | undefined, channelId: string, acceptDataUrls: boolean): FileRefs {
  const refs: FileRef[] = [];
  const errors: FileError[] = [];
  (attachments ?? []).forEach((a, i) => {
    const fallback = `attachment-${i + 1}`;
    const name = safeFileName(a.name, fallback);
    const type = (a.contentType ?? '').toLowerCase();
    if (type === TEAMS_FILE_DOWNLOAD_INFO) {
      const url = (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
      if (typeof url === 'string') refs.push({ name, kind: 'url', url });
      else errors.push({ file: name, message: `${name}: Teams sent the file without a download link; please upload it again.` });
      return;
    }
    // Cards and Teams' HTML copy of the message are not files.
    if (type.startsWith('application/vnd.microsoft.card.') || type === 'text/html' || !a.contentUrl) return;
    if (channelId === 'msteams' && type.startsWith('image/')) {
      errors.push({ file: name, message: `${name}: pasted images cannot be read here; attach the log or trace file itself (in a 1:1 chat with the bot).` });
      return;
    }
    if (a.contentUrl.startsWith('data:')) {
      if (acceptDataUrls && channelId === LOCAL_CHAT_CHANNEL_ID) refs.push({ name, kind: 'data', dataUrl: a.contentUrl });
      else errors.push({ file: name, message: `${name}: inline data attachments are only accepted from the local chat client.` });
      return;
    }
    refs.push({ name, kind: 'url', url: a.contentUrl });
  });
  if (refs.length > MAX_FILES_PER_MESSAGE) {
    for (const r of refs.splice(MAX_FILES_PER_MESSAGE)) errors.push({ file: r.name, message: `${r.name}: at most ${MAX_FILES_PER_MESSAGE} files per message; zip the rest.` });
  }
  return { refs, errors };
}

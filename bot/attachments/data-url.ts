// Decodes the local chat's inline `data:` URL uploads, with the same size cap as downloads.
import type { IngestInput } from '../../knowledge/ingest/types.js';
import { AttachmentError, formatBytes } from './errors.js';

export function decodeDataUrl(name: string, dataUrl: string, maxBytes: number): IngestInput {
  const comma = dataUrl.indexOf(',');
  const header = comma > 0 ? dataUrl.slice(5, comma) : '';
  if (!dataUrl.startsWith('data:') || comma < 0) throw new AttachmentError(name, 'bad-data', `${name}: the inline upload is not a valid data: URL.`);
  const payload = dataUrl.slice(comma + 1);
  const base64 = header.split(';').includes('base64');
  // Check the size before decoding: base64 is 4 characters per 3 bytes.
  const estimate = base64 ? Math.floor((payload.length * 3) / 4) : payload.length;
  if (estimate > maxBytes + 2) throw new AttachmentError(name, 'too-large', `${name} is larger than the ${formatBytes(maxBytes)} limit.`);
  const data = base64 ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
  if (data.length > maxBytes) throw new AttachmentError(name, 'too-large', `${name} is larger than the ${formatBytes(maxBytes)} limit.`);
  return { name, data, size: data.length };
}

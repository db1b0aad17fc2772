// Reads Direct Line's upload body (multipart/form-data: "file" parts plus an optional "activity" JSON part) with
// the channel's 4 MB per-file cap, refusing oversized bodies before buffering them.
import type { IncomingMessage } from 'node:http';
import type { Activity } from 'botbuilder';
import { safeFileName } from '../attachments/index.js';
import { formatBytes } from '../attachments/errors.js';
import { DirectLineError } from './errors.js';

export const MAX_UPLOAD_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 10;

export interface UploadedFile {
  name: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedUpload {
  activity?: Partial<Activity>;
  files: UploadedFile[];
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

const DEFAULT_LIMITS: UploadLimits = { maxFileBytes: MAX_UPLOAD_FILE_BYTES, maxFiles: MAX_UPLOAD_FILES };

export function tooLargeMessage(name: string, bytes: number, maxFileBytes: number): string {
  return `${name} is ${formatBytes(bytes)}; web chat uploads are limited to ${formatBytes(maxFileBytes)} per file. Zip it (a FailedReqLogFiles folder or IIS logs compress well) or upload only the failing request's fr*.xml trace.`;
}

async function readCapped(req: IncomingMessage, cap: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) {
    req.resume();
    throw new DirectLineError(
      413,
      'FileTooLarge',
      tooLargeMessage('The upload', declared, DEFAULT_LIMITS.maxFileBytes),
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > cap) {
      req.resume();
      throw new DirectLineError(
        413,
        'FileTooLarge',
        tooLargeMessage('The upload', total, DEFAULT_LIMITS.maxFileBytes),
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseActivityPart(text: string): Partial<Activity> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new TypeError('not an object');
    return value as Partial<Activity>;
  } catch (cause) {
    throw Object.assign(
      new DirectLineError(400, 'BadSyntax', 'The "activity" part of the upload is not a JSON object.'),
      { cause },
    );
  }
}

export async function readUpload(
  req: IncomingMessage,
  limits: UploadLimits = DEFAULT_LIMITS,
): Promise<ParsedUpload> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(contentType)) {
    throw new DirectLineError(400, 'BadArgument', 'Uploads must be multipart/form-data.');
  }
  // Room for every file at its cap plus the activity part and multipart framing.
  const body = await readCapped(req, limits.maxFiles * limits.maxFileBytes + 256 * 1024);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch (cause) {
    throw Object.assign(
      new DirectLineError(400, 'BadSyntax', 'The upload is not valid multipart/form-data.'),
      { cause },
    );
  }
  const result: ParsedUpload = { files: [] };
  const parts: [string, FormDataEntryValue][] = [];
  form.forEach((value, field) => parts.push([field, value]));
  for (const [field, value] of parts) {
    if (field === 'activity') {
      result.activity = parseActivityPart(typeof value === 'string' ? value : await value.text());
      continue;
    }
    if (typeof value === 'string') continue;
    const name = safeFileName(value.name, `file-${result.files.length + 1}`);
    if (value.size > limits.maxFileBytes)
      throw new DirectLineError(413, 'FileTooLarge', tooLargeMessage(name, value.size, limits.maxFileBytes));
    result.files.push({
      name,
      contentType: (value.type || 'application/octet-stream').slice(0, 200),
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  if (result.files.length === 0)
    throw new DirectLineError(400, 'BadArgument', 'The upload contains no file.');
  if (result.files.length > limits.maxFiles)
    throw new DirectLineError(
      400,
      'BadArgument',
      `At most ${limits.maxFiles} files per upload; zip the rest.`,
    );
  return result;
}

// The body of POST /api/diagnose, validated: { text, files: [{ name, contentBase64 }], answers?, ruledOut? }.
import { z } from 'zod';
import type { DiagnoseRequest } from '../../knowledge/index.js';
import { safeFileName } from '../attachments/index.js';
import { AttachmentError } from '../attachments/index.js';
import { decodeDataUrl } from '../attachments/index.js';

const MAX_FILES = 20;

export const diagnoseBodySchema = z.object({
  text: z.string().max(20_000).optional(),
  texts: z.array(z.string().max(20_000)).max(50).optional(),
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(500),
        contentBase64: z.string().regex(/^[A-Za-z0-9+/=\s_-]*$/, 'must be base64'),
      }),
    )
    .max(MAX_FILES)
    .default([]),
  answers: z.record(z.string().max(200), z.string().max(500)).optional(),
  ruledOut: z.array(z.string().max(200)).max(200).optional(),
});

export class DiagnoseRequestError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid request: ${problems.join('; ')}`);
    this.name = 'DiagnoseRequestError';
  }
}

/** Validates the body and decodes its files (each capped at maxFileBytes). */
export function parseDiagnoseBody(body: unknown, maxFileBytes: number): DiagnoseRequest {
  const parsed = diagnoseBodySchema.safeParse(body ?? {});
  if (!parsed.success) throw new DiagnoseRequestError(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`));
  const b = parsed.data;
  const texts = [...(b.text !== undefined ? [b.text] : []), ...(b.texts ?? [])];
  if (texts.every((t) => t.trim() === '') && b.files.length === 0) throw new DiagnoseRequestError(['send "text", "files" or both']);
  try {
    const files = b.files.map((f, i) => decodeDataUrl(safeFileName(f.name, `file-${i + 1}`), `data:;base64,${f.contentBase64.replace(/\s/g, '')}`, maxFileBytes));
    return { texts, files, answers: b.answers, ruledOut: b.ruledOut };
  } catch (err) {
    if (err instanceof AttachmentError) throw new DiagnoseRequestError([err.message]);
    throw err;
  }
}

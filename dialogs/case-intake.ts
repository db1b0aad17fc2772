// Adds one turn's words and files to the Case: text through addMessage (which redacts), files through the
// attachment service and the ingestion layer. Returns the file problems of this turn, each naming its file.
import type { TurnContext } from 'botbuilder';
import { addIngestResult, addMessage, type Case, type FileError } from '../knowledge/index.js';
import { ingestFiles } from '../knowledge/ingest/index.js';
import type { DialogServices } from './services.js';

export interface IntakeResult {
  filesRead: string[];
  errors: FileError[];
}

export function addText(c: Case, text: string): void {
  if (text.trim()) addMessage(c, text);
}

export async function addFiles(
  context: TurnContext,
  c: Case,
  services: Pick<DialogServices, 'attachments' | 'ingestOptions' | 'log'>,
): Promise<IntakeResult> {
  const collected = await services.attachments.collect(context.activity);
  const errors: FileError[] = [...collected.errors];
  const filesRead: string[] = [];
  if (collected.files.length > 0) {
    const result = await ingestFiles(collected.files, services.ingestOptions);
    // Problems are reported to the user now, in the turn they happened, not kept to resurface in every diagnosis.
    addIngestResult(c, { ...result, errors: [] });
    errors.push(...result.errors);
    filesRead.push(...result.files.map((f) => f.name));
    services.log.info('files ingested', {
      files: result.files.length,
      evidence: result.evidence.length,
      errors: result.errors.length,
    });
  }
  return { filesRead, errors };
}

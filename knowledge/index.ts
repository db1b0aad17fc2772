// The shared diagnosis engine's public face: the bot, the CLI and the HTTP API all come through here.
import { addIngestResult, addMessage, pastedFiles } from './case.js';
import { diagnose } from './engine/index.js';
import { ingestFiles } from './ingest/index.js';
import type { IngestInput, IngestOptions, IngestResult } from './ingest/types.js';
import type { KnowledgeBase } from './kb-loader/load.js';
import { emptyCase, type Case, type Diagnosis } from './types.js';

export * from './types.js';
export { diagnose, SCORING } from './engine/index.js';
export { Lru } from './engine/lru.js';
export { addMessage, addIngestResult, ruleOut, reconsider, answer, pastedFiles } from './case.js';
export {
  loadKnowledgeBase,
  parseKnowledgeBase,
  KnowledgeBaseError,
  formatProblem,
  findEntry,
  ruledOutAnyCause,
  type KnowledgeBase,
  type CauseEntry,
  type LookalikeEntry,
  type ConceptEntry,
  type KbFile,
  type KbProblem,
} from './kb-loader/load.js';
export type { IngestInput, IngestOptions, IngestResult } from './ingest/types.js';

export interface DiagnoseRequest {
  texts: string[];
  files: IngestInput[];
  answers?: Record<string, string>;
  ruledOut?: string[];
}

/** Exactly what `cli diagnose --json` and `POST /api/diagnose` answer. */
export type DiagnoseOutput = Diagnosis;

/** One-shot: a case from words and files, ingested, redacted and diagnosed. */
export async function diagnoseInputs(
  request: DiagnoseRequest,
  kb: KnowledgeBase,
  options: IngestOptions = {},
): Promise<DiagnoseOutput> {
  return (await diagnoseWithDetails(request, kb, options)).diagnosis;
}

/** Like diagnoseInputs, also returning the Case and what ingestion learnt (for reports and escalation). */
export async function diagnoseWithDetails(
  request: DiagnoseRequest,
  kb: KnowledgeBase,
  options: IngestOptions = {},
): Promise<{ diagnosis: Diagnosis; case: Case; ingest: IngestResult }> {
  const c = emptyCase();
  for (const text of request.texts) addMessage(c, text);
  const ingest = await ingestFiles([...pastedFiles(request.texts), ...request.files], options);
  addIngestResult(c, ingest);
  Object.assign(c.answers, request.answers ?? {});
  c.ruledOut.push(...(request.ruledOut ?? []));
  return { diagnosis: diagnose(kb, c), case: c, ingest };
}

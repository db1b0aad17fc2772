// A real diagnosis to render: the MBAM symptom and its FREB trace through the shared engine.
import { readFileSync } from 'node:fs';
import { diagnoseWithDetails } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import type { ReportInput } from '../../bot/reports/index.js';

export async function mbamReport(
  fileName = 'fr000041.xml',
  text = 'our mbam portal shows only text, every file but index.html returns 500',
): Promise<ReportInput> {
  const data = readFileSync(
    new URL('../fixtures/ingest/freb/mbam-static-500-0x80070542.xml', import.meta.url),
  );
  const {
    diagnosis,
    case: c,
    ingest,
  } = await diagnoseWithDetails({ texts: [text], files: [{ name: fileName, data }] }, bundledKnowledgeBase());
  return { case: c, diagnosis, timelines: ingest.timelines };
}

// Building a Case over several turns: messages (redacted before they are kept) and ingested files.
import { redactText } from './ingest/redact/index.js';
import { detectFormat } from './ingest/index.js';
import { withoutToolRows } from './ingest/text/index.js';
import type { IngestInput, IngestResult } from './ingest/types.js';
import { KEY_TEXT_DOCUMENT } from './engine/index.js';
import type { Case, Question } from './types.js';

/** Text signatures read at most this much of an uploaded plain-text document. */
const MAX_DOCUMENT_CHARS = 100_000;
/** Timelines kept per case: enough to show every trace of a typical FailedReqLogFiles zip. */
const MAX_TIMELINES = 50;

export function addMessage(c: Case, text: string): Case {
  const clean = redactText(text).text.trim();
  if (clean.length > 0) c.texts.push(clean);
  return c;
}

export function addIngestResult(c: Case, result: IngestResult): Case {
  c.evidence.push(...result.evidence);
  c.errors = [...(c.errors ?? []), ...result.errors];
  if (result.timelines.length > 0) c.timelines = [...(c.timelines ?? []), ...result.timelines].slice(0, MAX_TIMELINES);
  for (const f of result.files) {
    if (f.format !== 'text' || !f.redactedText) continue;
    c.evidence.push({
      kind: 'text',
      key: KEY_TEXT_DOCUMENT,
      // Text signatures read what people wrote; a tool's printed rows (whoami, setspn...) count as its facts only.
      value: withoutToolRows(f.redactedText.slice(0, MAX_DOCUMENT_CHARS)),
      source: { file: f.name },
      excerpt: f.summary,
    });
  }
  return c;
}

export function ruleOut(c: Case, causeId: string): Case {
  if (!c.ruledOut.includes(causeId)) c.ruledOut.push(causeId);
  (c.ruledOutAt ??= {})[causeId] = { texts: c.texts.length, evidence: c.evidence.length };
  return c;
}

/** Puts a ruled-out cause back in play (the evidence since brought it back). */
export function reconsider(c: Case, causeId: string): Case {
  c.ruledOut = c.ruledOut.filter((id) => id !== causeId);
  if (c.ruledOutAt) delete c.ruledOutAt[causeId];
  return c;
}

export function answer(c: Case, questionId: string, value: string): Case {
  c.answers[questionId] = value;
  return c;
}

/** Notes that a question was put to the user (once per question: a repeated prompt is the same question). */
export function recordAsked(c: Case, question: Pick<Question, 'id' | 'text'>): Case {
  c.asked ??= [];
  if (!c.asked.some((q) => q.id === question.id)) c.asked.push({ id: question.id, text: question.text });
  return c;
}

const PASTABLE_FORMATS = new Set(['freb', 'w3c', 'httperr', 'eventlog-xml', 'config', 'har']);

/**
 * Messages that are really a pasted log, trace, event export or config file, as files for ingestion, so a pasted
 * W3C log gets the same pattern analysis as an uploaded one. Plain prose is left to the text signatures.
 */
export function pastedFiles(texts: string[]): IngestInput[] {
  const files: IngestInput[] = [];
  texts.forEach((text, i) => {
    const data = Buffer.from(text, 'utf8');
    const { format } = detectFormat(data.subarray(0, 64 * 1024));
    if (PASTABLE_FORMATS.has(format)) files.push({ name: `message ${i + 1} (pasted ${format})`, data });
  });
  return files;
}

// Parses the plain-text training files: one utterance per line, "#" starts a comment line, blank lines ignored.
import { INTENTS, type Intent } from './labels.js';
import type { TrainingData } from './types.js';

export function parseUtterances(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** Builds TrainingData from file contents keyed by intent; intents with no file get an empty list. */
export function trainingDataFromFiles(files: Partial<Record<Intent, string>>): TrainingData {
  const data = {} as TrainingData;
  for (const intent of INTENTS) data[intent] = parseUtterances(files[intent] ?? '');
  return data;
}

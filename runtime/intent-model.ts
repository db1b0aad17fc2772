// Disk side of the intent classifier: reads the training files, and loads the saved model or (re)trains and saves
// it when it is missing, unreadable, from another model version, or trained on different data (hash mismatch, so
// a fresh clone, where every file has the same mtime, still notices edited data).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  DEFAULT_FAMILY,
  hashTrainingData,
  INTENTS,
  IntentModelError,
  isIntent,
  loadIntentModel,
  MODEL_VERSION,
  trainIntentModel,
  trainingDataFromFiles,
  type Intent,
  type IntentClassifier,
  type IntentModelJson,
  type ModelFamily,
  type TrainingData,
} from '../knowledge/intents/index.js';
import { repoRoot } from './kb-files.js';

export const defaultIntentDataDir = join(repoRoot, 'knowledge', 'intents', 'data');
export const defaultIntentEvalDir = join(defaultIntentDataDir, 'eval');
export const defaultIntentModelPath = join(repoRoot, 'knowledge', 'intents', 'model', 'intents.json');

/** Reads <intent>.txt files from a folder; a file named after no intent is an error (a typo would drop data). */
export function readIntentData(dir = defaultIntentDataDir): TrainingData {
  const files: Partial<Record<Intent, string>> = {};
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.txt')) continue;
    const intent = name.slice(0, -'.txt'.length);
    if (!isIntent(intent)) throw new IntentModelError(`${join(dir, name)} is not named after an intent (${INTENTS.join(', ')})`);
    files[intent] = readFileSync(join(dir, name), 'utf8');
  }
  return trainingDataFromFiles(files);
}

export interface IntentModelOptions {
  dataDir?: string;
  modelPath?: string;
  family?: ModelFamily;
}

export function writeIntentModel(model: IntentModelJson, modelPath = defaultIntentModelPath): void {
  mkdirSync(dirname(modelPath), { recursive: true });
  // Write then rename: a bot starting while the build runs never reads half a file.
  const tmp = `${modelPath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(model));
  renameSync(tmp, modelPath);
}

/** The saved model if it matches the data, else undefined (with the reason, for logs). */
function readSavedModel(modelPath: string, dataHash: string): { json?: unknown; reason: string } {
  if (!existsSync(modelPath)) return { reason: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(modelPath, 'utf8'));
  } catch (err) {
    if (err instanceof SyntaxError) return { reason: `unreadable (${err.message})` };
    throw err;
  }
  const header = json as Partial<IntentModelJson> | null;
  if (header?.version !== MODEL_VERSION) return { reason: `model version ${String(header?.version)} != ${MODEL_VERSION}` };
  if (header.dataHash !== dataHash) return { reason: 'training data changed' };
  return { json, reason: 'up to date' };
}

export interface LoadedIntentModel {
  classifier: IntentClassifier;
  /** True when the model had to be trained now. */
  trained: boolean;
  reason: string;
}

export function loadOrTrainIntentModel(options: IntentModelOptions = {}): LoadedIntentModel {
  const modelPath = options.modelPath ?? defaultIntentModelPath;
  const data = readIntentData(options.dataDir ?? defaultIntentDataDir);
  const saved = readSavedModel(modelPath, hashTrainingData(data));
  if (saved.json !== undefined) {
    try {
      return { classifier: loadIntentModel(saved.json), trained: false, reason: saved.reason };
    } catch (err) {
      // A hand-edited or truncated model is rebuilt from the data rather than blocking start-up.
      if (!(err instanceof IntentModelError)) throw err;
      saved.reason = err.message;
    }
  }
  const model = trainIntentModel(data, options.family ?? DEFAULT_FAMILY);
  writeIntentModel(model, modelPath);
  return { classifier: loadIntentModel(model), trained: true, reason: saved.reason };
}

/** The classifier the bot and CLI use: loads knowledge/intents/model/intents.json, training it first if needed. */
export function loadOrTrainIntentClassifier(options: IntentModelOptions = {}): IntentClassifier {
  return loadOrTrainIntentModel(options).classifier;
}

// `npm run build`: trains the intent model from knowledge/intents/data and saves it as JSON.
import { relative } from 'node:path';
import { DEFAULT_FAMILY, trainIntentModel } from '../knowledge/intents/index.js';
import { defaultIntentModelPath, readIntentData, writeIntentModel } from '../runtime/intent-model.js';
import { repoRoot } from '../runtime/kb-files.js';

export function buildIntentModel(modelPath = defaultIntentModelPath): { path: string; utterances: number; vocabulary: number } {
  const data = readIntentData();
  const model = trainIntentModel(data, DEFAULT_FAMILY);
  writeIntentModel(model, modelPath);
  return { path: modelPath, utterances: Object.values(data).reduce((n, l) => n + l.length, 0), vocabulary: model.vocabulary.length };
}

function main(): void {
  const built = buildIntentModel();
  process.stdout.write(
    `intent model (${DEFAULT_FAMILY}): ${built.utterances} utterances, ${built.vocabulary} features -> ${relative(repoRoot, built.path)}\n`,
  );
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) main();

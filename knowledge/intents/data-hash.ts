// A small, dependency-free content hash (FNV-1a, 32 bit) of the training data: equal data, equal hash, on any host.
import { INTENTS } from './labels.js';
import type { TrainingData } from './types.js';

export function hashTrainingData(data: TrainingData): string {
  let h = 0x811c9dc5;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const intent of INTENTS) {
    feed(`\u0000${intent}\u0000`);
    for (const line of data[intent] ?? []) feed(`${line}\n`);
  }
  return h.toString(16).padStart(8, '0');
}

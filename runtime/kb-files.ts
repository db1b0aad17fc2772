// Reads the knowledge-base folder from disk (the engine itself never touches paths).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase, parseKnowledgeBase, type KbFile, type KnowledgeBase } from '../knowledge/kb-loader/load.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultKbDir = join(repoRoot, 'knowledge', 'kb');

export function readKbFiles(dir = defaultKbDir): KbFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') || name.endsWith('.yaml') || name.endsWith('.yml'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

let cached: KnowledgeBase | undefined;

/** The bundled knowledge base, validated; throws KnowledgeBaseError naming each bad file and field. */
export function bundledKnowledgeBase(): KnowledgeBase {
  cached ??= loadKnowledgeBase(readKbFiles());
  return cached;
}

export { parseKnowledgeBase };

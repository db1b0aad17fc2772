// The package version, shown by /healthz and the start-up log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runtime/kb-files.js';

let cached: string | undefined;

export function packageVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

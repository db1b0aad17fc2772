// Regenerates manifest/color.png and manifest/outline.png: `npx tsx manifest/generate-icons.ts`.
// The PNGs are committed; test/manifest checks they still match what this draws.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderIcons } from './icons.js';

const icons = renderIcons();
for (const [name, png] of [
  ['color.png', icons.color],
  ['outline.png', icons.outline],
] as const) {
  const file = fileURLToPath(new URL(name, import.meta.url));
  writeFileSync(file, png);
  console.log(`wrote ${file} (${png.length} bytes)`);
}

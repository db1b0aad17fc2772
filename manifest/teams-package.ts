// Builds the Teams app package: a zip with manifest.json, color.png and outline.png at its root.
import { zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertValidManifest } from './schema.js';
import type { TeamsPackageConfig } from './teams-config.js';
import { fillTemplate, placeholderValues, readTemplate, type Json } from './template.js';

export const COLOR_ICON_FILE = fileURLToPath(new URL('color.png', import.meta.url));
export const OUTLINE_ICON_FILE = fileURLToPath(new URL('outline.png', import.meta.url));

// A fixed timestamp makes the zip byte-identical for identical inputs (zip dates cannot precede 1980).
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

export interface TeamsAppPackage {
  manifest: Json;
  zip: Uint8Array;
}

/** Fills the template, validates it against the bundled official schema and zips it with the committed icons. */
export async function buildTeamsPackage(config: TeamsPackageConfig): Promise<TeamsAppPackage> {
  const manifest = fillTemplate(readTemplate(), placeholderValues(config));
  await assertValidManifest(manifest);
  const zip = zipSync(
    {
      'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
      'color.png': readFileSync(COLOR_ICON_FILE),
      'outline.png': readFileSync(OUTLINE_ICON_FILE),
    },
    { level: 9, mtime: ZIP_MTIME },
  );
  return { manifest, zip };
}

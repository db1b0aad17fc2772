// Validates a manifest against the official Teams JSON schema bundled in @microsoft/app-manifest, offline.
// The schema is loaded from the package's files and handed to its validator explicitly: given only the
// manifest, AppManifestUtils.validateAgainstSchema falls back to fetching $schema over the network.
import type { AppManifestUtils } from '@microsoft/app-manifest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export class ManifestSchemaError extends Error {
  constructor(
    readonly manifestVersion: string,
    readonly problems: string[],
  ) {
    super(
      `The Teams manifest does not match the official v${manifestVersion} schema:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ManifestSchemaError';
  }
}

type SchemaArg = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type ManifestArg = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

const packageRoot = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
const teamsSchemasDir = join(packageRoot, 'build', 'json-schemas', 'teams');

export function bundledSchemaFile(manifestVersion: string): string {
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion)) {
    throw new ManifestSchemaError(manifestVersion, [
      `manifestVersion "${manifestVersion}" is not a schema version`,
    ]);
  }
  const file = join(teamsSchemasDir, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) {
    throw new ManifestSchemaError(manifestVersion, [
      `@microsoft/app-manifest bundles no schema for manifestVersion ${manifestVersion}`,
    ]);
  }
  return file;
}

export function loadBundledSchema(manifestVersion: string): SchemaArg {
  const raw = readFileSync(bundledSchemaFile(manifestVersion), 'utf8');
  // Same clean-up the package applies: some schema versions contain \a and \v escapes JSON.parse rejects.
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as SchemaArg;
}

/** Schema problems of `manifest` (empty when valid), against the bundled schema for its manifestVersion. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest))
    return ['the manifest is not a JSON object'];
  const { manifestVersion, $schema } = manifest as { manifestVersion?: unknown; $schema?: unknown };
  if (typeof manifestVersion !== 'string') return ['manifestVersion is missing'];
  // Loaded on first use: the package pulls in ajv and is slow to import, and most callers only need the config.
  const { AppManifestUtils: utils } = await import('@microsoft/app-manifest');
  const problems = await utils.validateAgainstSchema(
    manifest as ManifestArg,
    loadBundledSchema(manifestVersion),
  );
  // The schema only says $schema is a URI; a mismatched one makes editors and tools check the wrong version.
  if (typeof $schema === 'string' && !$schema.includes(`/v${manifestVersion}/`)) {
    problems.push(`$schema "${$schema}" does not name manifestVersion ${manifestVersion}`);
  }
  return problems;
}

/** @throws ManifestSchemaError listing every schema problem. */
export async function assertValidManifest(manifest: unknown): Promise<void> {
  const problems = await validateManifest(manifest);
  if (problems.length > 0) {
    const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
    throw new ManifestSchemaError(typeof version === 'string' ? version : 'unknown', problems);
  }
}

// Fills manifest.template.json. Placeholders are replaced inside parsed JSON string values (never in raw text),
// so no value can break the JSON, and any placeholder left unfilled is an error rather than a broken upload.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TeamsPackageConfig } from './teams-config.js';

export const TEMPLATE_FILE = fileURLToPath(new URL('manifest.template.json', import.meta.url));

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type PlaceholderValues = Readonly<Record<string, string>>;

export class ManifestTemplateError extends Error {
  constructor(
    message: string,
    readonly placeholders: string[],
  ) {
    super(message);
    this.name = 'ManifestTemplateError';
  }
}

const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g;

export function placeholderValues(config: TeamsPackageConfig): PlaceholderValues {
  return {
    MICROSOFT_APP_ID: config.microsoftAppId,
    TEAMS_APP_ID: config.teamsAppId,
    BOT_HOST: config.botHost,
    APP_VERSION: config.appVersion,
    WEBSITE_URL: config.websiteUrl,
    PRIVACY_URL: config.privacyUrl,
    TERMS_URL: config.termsOfUseUrl,
  };
}

export function readTemplate(file: string = TEMPLATE_FILE): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/** Every placeholder name used in the template, sorted. */
export function placeholdersIn(template: Json): string[] {
  const found = new Set<string>();
  const visit = (node: Json): void => {
    if (typeof node === 'string') for (const m of node.matchAll(PLACEHOLDER)) found.add(m[1]);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(template);
  return [...found].sort();
}

/** @throws ManifestTemplateError when the template uses a placeholder `values` does not define. */
export function fillTemplate(template: Json, values: PlaceholderValues): Json {
  const missing = placeholdersIn(template).filter((name) => !Object.hasOwn(values, name));
  if (missing.length > 0) {
    throw new ManifestTemplateError(
      `the manifest template uses placeholders with no value: ${missing.map((n) => `{{${n}}}`).join(', ')}`,
      missing,
    );
  }
  const fill = (node: Json): Json => {
    if (typeof node === 'string') return node.replace(PLACEHOLDER, (_, name: string) => values[name]);
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  return fill(template);
}

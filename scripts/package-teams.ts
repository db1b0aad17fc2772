// `npm run package:teams [-- --out PATH]`: fills manifest/manifest.template.json from the environment
// (MicrosoftAppId, BOT_HOST, optional TEAMS_APP_ID, APP_VERSION, TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL,
// TEAMS_TERMS_URL), validates it against the bundled Teams schema and writes the app package zip.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ManifestSchemaError,
  ManifestTemplateError,
  TeamsConfigError,
  buildTeamsPackage,
  readTeamsConfig,
} from '../manifest/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: npm run package:teams [-- --out PATH]   (default PATH: dist/teams-app.zip)';

class UsageError extends Error {
  override name = 'UsageError';
}

function parseOut(argv: string[]): string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (parsed.values.out === '') throw new UsageError('--out needs a file path');
  return parsed.values.out ? resolve(parsed.values.out) : resolve(root, 'dist', 'teams-app.zip');
}

async function main(): Promise<void> {
  const out = parseOut(process.argv.slice(2));
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  const config = readTeamsConfig(process.env, version);
  const { zip } = await buildTeamsPackage(config);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  const rel = relative(process.cwd(), out);
  const shown = rel && !rel.startsWith('..') ? rel : out;
  console.log(
    `Wrote ${shown} (${zip.length} bytes): Teams app ${config.teamsAppId} v${config.appVersion}, bot ${config.microsoftAppId}, host ${config.botHost}.`,
  );
  console.log(
    `Teams will link to ${config.privacyUrl} and ${config.termsOfUseUrl}: make sure they are served.`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (
    err instanceof TeamsConfigError ||
    err instanceof ManifestSchemaError ||
    err instanceof ManifestTemplateError
  ) {
    console.error(err.message); // expected failures: the message says what to fix, a stack would only hide it
    process.exitCode = 1;
  } else {
    console.error(err);
    process.exitCode = 1;
  }
});

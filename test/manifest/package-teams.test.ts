import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import {
  COLOR_ICON_FILE,
  OUTLINE_ICON_FILE,
  buildTeamsPackage,
  readTeamsConfig,
  validateManifest,
} from '../../manifest/index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const BOT_ID = '11111111-2222-3333-4444-555555555555';
const ENV = { MicrosoftAppId: BOT_ID, BOT_HOST: 'bot.contoso.com', APP_VERSION: '1.2.3' };

/** Runs scripts/package-teams.ts with only the given variables (plus PATH/HOME) in its environment. */
async function packageTeams(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/package-teams.ts', ...args],
      { cwd: root, env: { ...base, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('Teams app package', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('zips manifest.json, color.png and outline.png at the root, with a manifest that passes the schema', async () => {
    const { zip, manifest } = await buildTeamsPackage(readTeamsConfig(ENV, '0.1.0'));
    const files = unzipSync(zip);
    assert.deepEqual(Object.keys(files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const inZip: unknown = JSON.parse(strFromU8(files['manifest.json']));
    assert.deepEqual(inZip, manifest);
    assert.deepEqual(await validateManifest(inZip), []);
    assert.deepEqual(Buffer.from(files['color.png']), readFileSync(COLOR_ICON_FILE));
    assert.deepEqual(Buffer.from(files['outline.png']), readFileSync(OUTLINE_ICON_FILE));
  });

  it('is byte-identical when built twice from the same values', async () => {
    const config = readTeamsConfig(ENV, '0.1.0');
    assert.deepEqual((await buildTeamsPackage(config)).zip, (await buildTeamsPackage(config)).zip);
  });

  it('npm run package:teams -- --out PATH writes the package filled from the environment', async () => {
    const out = join(dir, 'nested', 'app.zip');
    const result = await packageTeams(['--out', out], ENV);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Wrote .*app\.zip/);
    const manifest = JSON.parse(strFromU8(unzipSync(readFileSync(out))['manifest.json'])) as {
      version: string;
      bots: { botId: string }[];
      validDomains: string[];
    };
    assert.equal(manifest.version, '1.2.3');
    assert.equal(manifest.bots[0].botId, BOT_ID);
    assert.deepEqual(manifest.validDomains, ['bot.contoso.com']);
  });

  it('stops with exit code 1 and names the missing variable', async () => {
    const result = await packageTeams(['--out', join(dir, 'never.zip')], { BOT_HOST: 'bot.contoso.com' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /MicrosoftAppId is not set/);
    assert.doesNotMatch(result.stderr, /BOT_HOST/);
  });

  it('stops with exit code 2 on an unknown option', async () => {
    const result = await packageTeams(['--output', 'x.zip'], ENV);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /usage: npm run package:teams/);
  });
});

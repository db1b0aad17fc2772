import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
  ManifestSchemaError,
  ManifestTemplateError,
  assertValidManifest,
  bundledSchemaFile,
  fillTemplate,
  placeholdersIn,
  readTemplate,
  validateManifest,
  type Json,
} from '../../manifest/index.js';

// Test values for every placeholder, deliberately unlike real ones.
const TEST_VALUES = {
  MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
  TEAMS_APP_ID: '66666666-7777-5888-9999-aaaaaaaaaaaa',
  BOT_HOST: 'bot.test.example',
  APP_VERSION: '9.8.7',
  WEBSITE_URL: 'https://bot.test.example/',
  PRIVACY_URL: 'https://bot.test.example/privacy',
  TERMS_URL: 'https://bot.test.example/terms',
};

interface Command {
  title: string;
  description?: string;
}
interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  commandLists: { scopes: string[]; commands: Command[] }[];
}
interface FilledManifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  developer: { privacyUrl: string; termsOfUseUrl: string };
  icons: { color: string; outline: string };
  bots: Bot[];
  validDomains: string[];
}

const filled = () => fillTemplate(readTemplate(), TEST_VALUES) as unknown as FilledManifest;

/** The validator must never reach for the network: fail loudly if anything calls fetch. */
function forbidNetwork(): void {
  const realFetch = globalThis.fetch;
  before(() => {
    globalThis.fetch = () => Promise.reject(new Error('network access during manifest validation'));
  });
  after(() => {
    globalThis.fetch = realFetch;
  });
}

describe('Teams manifest template', () => {
  forbidNetwork();

  it('uses exactly the documented placeholders', () => {
    assert.deepEqual(placeholdersIn(readTemplate()), Object.keys(TEST_VALUES).sort());
  });

  it('targets a current Teams schema (1.22 or later) that @microsoft/app-manifest bundles', () => {
    const manifest = filled();
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    assert.ok(major > 1 || (major === 1 && minor >= 22), `manifestVersion ${manifest.manifestVersion}`);
    assert.ok(existsSync(bundledSchemaFile(manifest.manifestVersion)));
    assert.equal(
      manifest.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('passes the official schema offline once filled with test values', async () => {
    assert.deepEqual(await validateManifest(filled()), []);
  });

  it('fills the bot id, app id, version, host and developer URLs', () => {
    const manifest = filled();
    assert.equal(manifest.bots[0].botId, TEST_VALUES.MICROSOFT_APP_ID);
    assert.equal(manifest.id, TEST_VALUES.TEAMS_APP_ID);
    assert.equal(manifest.version, '9.8.7');
    assert.deepEqual(manifest.validDomains, ['bot.test.example']);
    assert.equal(manifest.developer.privacyUrl, 'https://bot.test.example/privacy');
    assert.equal(manifest.developer.termsOfUseUrl, 'https://bot.test.example/terms');
    assert.deepEqual(placeholdersIn(manifest as unknown as Json), []);
  });

  it('declares one conversational bot in personal, team and group chat scopes that accepts files', () => {
    const { bots, icons } = filled();
    assert.equal(bots.length, 1);
    assert.deepEqual([...bots[0].scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bots[0].supportsFiles, true);
    assert.deepEqual(icons, { color: 'color.png', outline: 'outline.png' });
  });

  it('offers diagnose, explain, escalate and help, described, in every scope', () => {
    const { bots } = filled();
    const covered = bots[0].commandLists.flatMap((list) => list.scopes).sort();
    assert.deepEqual(covered, ['groupChat', 'personal', 'team']);
    for (const list of bots[0].commandLists) {
      assert.deepEqual(
        list.commands.map((c) => c.title),
        ['diagnose', 'explain', 'escalate', 'help'],
      );
      for (const c of list.commands)
        assert.ok(c.description && c.description.length > 10, `${c.title} has a description`);
    }
  });

  it('refuses a placeholder that has no value', () => {
    const { BOT_HOST: _omitted, ...partial } = TEST_VALUES;
    assert.throws(
      () => fillTemplate(readTemplate(), partial),
      (err: unknown) =>
        err instanceof ManifestTemplateError &&
        err.placeholders.join() === 'BOT_HOST' &&
        /\{\{BOT_HOST\}\}/.test(err.message),
    );
  });

  it('keeps values as data: a value with quotes cannot change the JSON structure', () => {
    const out = fillTemplate({ a: 'x {{V}} y' }, { V: '", "b": "c' });
    assert.deepEqual(out, { a: 'x ", "b": "c y' });
  });
});

describe('manifest schema check', () => {
  forbidNetwork();

  it('reports schema violations, so a pass means something', async () => {
    const manifest = filled() as unknown as Record<string, unknown> & FilledManifest;
    manifest.bots[0].botId = 'not-a-guid';
    (manifest.bots[0] as unknown as Record<string, unknown>).supportsFiles = 'yes';
    manifest.unknownProperty = true;
    const problems = await validateManifest(manifest);
    assert.ok(
      problems.some((p) => p.startsWith('/bots/0/botId')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('/bots/0/supportsFiles')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('additional properties')),
      problems.join('\n'),
    );
  });

  it('flags a $schema URL that names another version', async () => {
    const manifest = {
      ...filled(),
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
    };
    assert.match((await validateManifest(manifest)).join('\n'), /does not name manifestVersion/);
  });

  it('throws a ManifestSchemaError listing the problems', async () => {
    await assert.rejects(assertValidManifest({ ...filled(), accentColor: 'blue' }), (err: unknown) => {
      return err instanceof ManifestSchemaError && err.problems.some((p) => p.startsWith('/accentColor'));
    });
  });

  it('refuses a manifestVersion with no bundled schema', async () => {
    await assert.rejects(
      assertValidManifest({ ...filled(), manifestVersion: '9.99' }),
      /bundles no schema for manifestVersion 9\.99/,
    );
  });
});

import assert from 'node:assert/strict';
import {
  TeamsConfigError,
  defaultTeamsAppId,
  isGuid,
  readTeamsConfig,
  uuidV5,
} from '../../manifest/index.js';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const valid = { MicrosoftAppId: BOT_ID, BOT_HOST: 'bot.contoso.com' };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    readTeamsConfig(env, '0.1.0');
  } catch (err) {
    assert.ok(err instanceof TeamsConfigError, `unexpected ${String(err)}`);
    return err.problems.map((p) => p.variable);
  }
  return [];
}

describe('readTeamsConfig', () => {
  it('builds the config from MicrosoftAppId and BOT_HOST, with the package version and URLs on the bot host', () => {
    const config = readTeamsConfig(valid, '0.1.0');
    assert.deepEqual(config, {
      microsoftAppId: BOT_ID,
      botHost: 'bot.contoso.com',
      teamsAppId: defaultTeamsAppId(BOT_ID),
      appVersion: '0.1.0',
      websiteUrl: 'https://bot.contoso.com/',
      privacyUrl: 'https://bot.contoso.com/privacy',
      termsOfUseUrl: 'https://bot.contoso.com/terms',
    });
  });

  it('honours TEAMS_APP_ID, APP_VERSION and the URL overrides', () => {
    const config = readTeamsConfig(
      {
        ...valid,
        TEAMS_APP_ID: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE',
        APP_VERSION: '2.3.4',
        TEAMS_WEBSITE_URL: 'https://support.contoso.com/bot',
        TEAMS_PRIVACY_URL: 'https://contoso.com/privacy',
        TEAMS_TERMS_URL: 'https://contoso.com/terms',
      },
      '0.1.0',
    );
    assert.equal(config.teamsAppId, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    assert.equal(config.appVersion, '2.3.4');
    assert.deepEqual(
      [config.websiteUrl, config.privacyUrl, config.termsOfUseUrl],
      ['https://support.contoso.com/bot', 'https://contoso.com/privacy', 'https://contoso.com/terms'],
    );
  });

  it('treats empty and blank values as unset', () => {
    assert.equal(
      readTeamsConfig({ ...valid, TEAMS_APP_ID: '', APP_VERSION: '  ' }, '0.1.0').appVersion,
      '0.1.0',
    );
  });

  const invalid: [string, Record<string, string | undefined>, string[]][] = [
    ['nothing set', {}, ['MicrosoftAppId', 'BOT_HOST']],
    ['a bot id that is not a GUID', { ...valid, MicrosoftAppId: 'my-bot' }, ['MicrosoftAppId']],
    ['a URL instead of a host name', { ...valid, BOT_HOST: 'https://bot.contoso.com/' }, ['BOT_HOST']],
    ['a host name with a port', { ...valid, BOT_HOST: 'bot.contoso.com:3978' }, ['BOT_HOST']],
    ['localhost', { ...valid, BOT_HOST: 'localhost' }, ['BOT_HOST']],
    ['an IP address', { ...valid, BOT_HOST: '10.0.0.5' }, ['BOT_HOST']],
    ['a Teams app id that is not a GUID', { ...valid, TEAMS_APP_ID: '42' }, ['TEAMS_APP_ID']],
    ['a two-part version', { ...valid, APP_VERSION: '1.0' }, ['APP_VERSION']],
    ['a pre-release version', { ...valid, APP_VERSION: '1.0.0-beta.1' }, ['APP_VERSION']],
    [
      'an http privacy URL',
      { ...valid, TEAMS_PRIVACY_URL: 'http://contoso.com/privacy' },
      ['TEAMS_PRIVACY_URL'],
    ],
    ['a terms URL that is not a URL', { ...valid, TEAMS_TERMS_URL: 'terms.html' }, ['TEAMS_TERMS_URL']],
  ];
  for (const [what, env, variables] of invalid) {
    it(`stops on ${what}, naming ${variables.join(' and ')}`, () => {
      assert.deepEqual(problemsOf(env), variables);
    });
  }

  it('says in its message which variable is wrong and what was given', () => {
    assert.throws(
      () => readTeamsConfig({ ...valid, BOT_HOST: 'https://bot.contoso.com/' }, '0.1.0'),
      (err: Error) =>
        err.message.includes('BOT_HOST') &&
        err.message.includes('"https://bot.contoso.com/"') &&
        err.message.includes('no https://'),
    );
  });

  it('blames APP_VERSION when the package.json version is not MAJOR.MINOR.PATCH', () => {
    assert.throws(() => readTeamsConfig(valid, '1.0.0-rc.1'), /APP_VERSION .*taken from package\.json/);
  });
});

describe('default Teams app id', () => {
  it('is a stable version-5 GUID derived from the bot id, different from the bot id', () => {
    const id = defaultTeamsAppId(BOT_ID);
    assert.ok(isGuid(id));
    assert.equal(id[14], '5');
    assert.match(id[19], /[89ab]/);
    assert.notEqual(id, BOT_ID);
    assert.equal(defaultTeamsAppId(BOT_ID.toUpperCase()), id, 'case of the bot id does not matter');
    assert.notEqual(defaultTeamsAppId('11111111-2222-3333-4444-555555555556'), id);
  });

  it('uses the RFC 4122 version-5 algorithm', () => {
    // Known answer: uuid v5 of "www.example.com" in the DNS namespace (RFC 4122 appendix namespace).
    assert.equal(
      uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

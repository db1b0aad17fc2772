import assert from 'node:assert/strict';
import { ConfigError, DEFAULT_ATTACHMENT_HOSTS, loadConfig } from '../../bot/config.js';

const creds = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 's3cret-value' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/bot');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  assert.fail('expected a ConfigError');
}

describe('configuration', () => {
  it('starts in local mode on 127.0.0.1:3978 with SQLite under ./data when nothing is set', () => {
    const c = loadConfig({}, '/srv/bot');
    assert.equal(c.localMode, true);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 3978);
    assert.equal(c.dataDir, '/srv/bot/data');
    assert.deepEqual(c.storage, { kind: 'sqlite', file: '/srv/bot/data/bot-state.sqlite' });
    assert.deepEqual(c.attachments.allowedHosts, DEFAULT_ATTACHMENT_HOSTS);
  });

  it('treats empty values from a copied .env.example as unset', () => {
    const c = loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '', HOST: '', PORT: '', STORAGE: '' }, '/srv/bot');
    assert.equal(c.localMode, true);
    assert.equal(c.port, 3978);
  });

  it('refuses to widen HOST without app credentials', () => {
    assert.match(problems({ HOST: '0.0.0.0' }).join('\n'), /HOST: "0\.0\.0\.0" is not a loopback address/);
  });

  it('lets HOST widen the bind address together with app credentials, and listens everywhere by default then', () => {
    assert.equal(loadConfig({ ...creds, HOST: '10.0.0.4' }).host, '10.0.0.4');
    assert.equal(loadConfig(creds).host, '0.0.0.0');
    assert.equal(loadConfig(creds).localMode, false);
  });

  it('names each wrong value readably, without echoing secrets', () => {
    const text = problems({ PORT: 'eighty', STORAGE: 'mongo', MicrosoftAppPassword: 'hunter2-secret' }).join('\n');
    assert.match(text, /PORT: must be a whole number/);
    assert.match(text, /STORAGE: .*"sqlite"\|"postgres"\|"memory"/);
    assert.doesNotMatch(text, /hunter2/);
    const tenant = problems({ MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'hunter2-secret' }).join('\n');
    assert.match(tenant, /MicrosoftAppTenantId: is required for MicrosoftAppType=SingleTenant/);
    assert.doesNotMatch(tenant, /hunter2/);
  });

  it('selects PostgreSQL by DATABASE_URL, or by STORAGE=postgres which then needs DATABASE_URL', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@db/bot' }).storage.kind, 'postgres');
    assert.match(problems({ STORAGE: 'postgres' }).join('\n'), /DATABASE_URL: is required when STORAGE=postgres/);
    assert.match(problems({ DATABASE_URL: 'mysql://x' }).join('\n'), /DATABASE_URL: must start with postgres/);
  });

  it('reads the attachment allow-list as a comma-separated list', () => {
    assert.deepEqual(loadConfig({ ATTACHMENT_HOSTS: 'a.example.com, *.b.example.com' }).attachments.allowedHosts, ['a.example.com', '*.b.example.com']);
  });
});

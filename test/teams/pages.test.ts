// The privacy and terms pages the Teams manifest links to (manifest/README.md: privacyUrl, termsOfUseUrl), served by
// the real server: reachable without sign-in, plain HTML without scripts, and saying what the code really keeps.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startTestServer, tempDataDir } from '../bot/helpers/test-server.js';

describe('Teams: /privacy and /terms pages', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let dataDir: string;
  before(async () => {
    dataDir = tempDataDir();
    server = await startTestServer({ DATA_DIR: dataDir, REPORT_RETENTION_DAYS: '14' });
  });
  after(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function page(path: string): Promise<{ res: Response; body: string }> {
    const res = await fetch(`${server.url}${path}`);
    return { res, body: await res.text() };
  }

  it('serves /privacy: what is stored, where, the configured report retention, no third parties', async () => {
    const { res, body } = await page('/privacy');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(body, /Conversation state and cases/);
    assert.match(body, /redacted/);
    assert.match(body, /SQLite file .* or the PostgreSQL database/s);
    assert.match(body, /served for 14 days \(<code>REPORT_RETENTION_DAYS<\/code>\)\s+after the bot last linked them/);
    assert.match(body, /REPORT_RETENTION_DAYS/);
    assert.match(body, /third parties/);
  });

  it('serves /terms: a support tool, without warranty', async () => {
    const { res, body } = await page('/terms');
    assert.equal(res.status, 200);
    assert.match(body, /internal support tool/);
    assert.match(body, /without warranty/);
    assert.match(body, /href="\/privacy"/);
  });

  it('sends both without scripts, under a CSP that allows none', async () => {
    for (const path of ['/privacy', '/terms']) {
      const { res, body } = await page(path);
      assert.doesNotMatch(body, /<script/i, path);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/, path);
    }
  });
});

describe('root page', () => {
  it('sends people from the Teams app website link (/) to the chat page', async () => {
    const server = await startTestServer({ STORAGE: 'memory' });
    try {
      const res = await fetch(`${server.url}/`, { redirect: 'manual' });
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), '/chat');
    } finally {
      await server.close();
    }
  });
});

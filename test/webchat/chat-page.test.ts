// The /chat page, its theming, its static files (Web Chat from node_modules) and the embed snippets.
import assert from 'node:assert/strict';
import { startChannelServer, type ChannelServer } from '../directline/helpers/channel-server.js';
import { resolveTheme } from '../../bot/webchat/index.js';

describe('web chat page', () => {
  let server: ChannelServer;
  before(async () => {
    server = await startChannelServer({
      webChat: {
        theme: { title: 'Contoso IIS help', accent: '#c50f1f' },
        embedOrigins: ['https://intranet.contoso.com'],
      },
    });
  });
  after(async () => {
    await server.close();
  });

  it('serves /chat with Web Chat from the bot itself, the settings as JSON and a strict CSP', async () => {
    const res = await fetch(`${server.url}/chat`);
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /<script src="\/webchat\/webchat\.js"><\/script>/);
    assert.match(page, /<script src="\/webchat\/chat\.js"><\/script>/);
    assert.ok(!/https?:\/\/(cdn|unpkg|jsdelivr)/.test(page), 'no CDN');
    const config = JSON.parse(
      /<script type="application\/json" id="webchat-config">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}',
    ) as Record<string, unknown>;
    assert.deepEqual(config, {
      tokenUrl: '/api/directline/token',
      maxUploadBytes: 4 * 1024 * 1024,
      accent: '#c50f1f',
      mode: 'light',
      title: 'Contoso IIS help',
    });
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self' blob:(;|$)/);
    assert.match(csp, /frame-ancestors 'self' https:\/\/intranet\.contoso\.com/);
  });

  it('themes by query, validating every value', async () => {
    const page = await (
      await fetch(
        `${server.url}/chat?accent=%23123abc&theme=dark&embed=1&title=${encodeURIComponent('</script><script>alert(1)</script>')}`,
      )
    ).text();
    assert.match(page, /<body class="mode-dark embed">/);
    assert.ok(!page.includes('<script>alert(1)'), 'the title is escaped in HTML and in the JSON');
    assert.match(page, /"accent":"#123abc"/);
    assert.match(page, /\\u003c\/script\\u003e/);
    assert.deepEqual(resolveTheme(new URLSearchParams('accent=red;background:url(x)&theme=neon')), {
      title: 'IIS identity support',
      accent: '#0f6cbd',
      mode: 'light',
      embed: false,
    });
  });

  it('serves the Web Chat bundle from node_modules with an ETag, gzipped when asked', async () => {
    const res = await fetch(`${server.url}/webchat/webchat.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    const body = await res.text();
    assert.ok(body.length > 1_000_000 && body.includes('renderWebChat'));
    const etag = res.headers.get('etag') ?? '';
    const again = await fetch(`${server.url}/webchat/webchat.js`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    for (const asset of ['chat.js', 'chat.css', 'embed.js'])
      assert.equal((await fetch(`${server.url}/webchat/${asset}`)).status, 200, asset);
  });

  it('shows one-line embed snippets with the bot address', async () => {
    const page = await (await fetch(`${server.url}/chat/embed`)).text();
    assert.ok(page.includes(`&lt;script src=&quot;${server.url}/webchat/embed.js&quot;`));
    assert.ok(page.includes(`&lt;iframe src=&quot;${server.url}/chat?embed=1&quot;`));
    assert.match(page, /https:\/\/intranet\.contoso\.com/);
  });

  it('explains itself when web chat cannot work (app credentials, no Direct Line secret)', async () => {
    const cloud = await startChannelServer({
      env: {
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'p',
        HOST: '127.0.0.1',
      },
    });
    try {
      const res = await fetch(`${cloud.url}/chat`);
      assert.equal(res.status, 503);
      assert.match(await res.text(), /needs DIRECTLINE_SECRET/);
    } finally {
      await cloud.close();
    }
  });

  it('lets the page reach the cloud Direct Line (https and wss) when a secret is set', async () => {
    const cloud = await startChannelServer({ directLine: { secret: 'secret-0123456789abcdef0123456789' } });
    try {
      const res = await fetch(`${cloud.url}/chat`);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(
        csp,
        /connect-src 'self' blob: https:\/\/directline\.botframework\.com wss:\/\/directline\.botframework\.com/,
      );
      assert.ok(!(await res.text()).includes('secret-0123456789'), 'the secret never reaches the page');
    } finally {
      await cloud.close();
    }
  });
});

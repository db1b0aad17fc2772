// A user and an engineer talking through the local pages: the engineer works in the embedded console (a real
// Chromium driven by playwright-core), the user talks to the bot over HTTP as the terminal chat does (the web chat
// pages are being built separately). No Teams, no cloud: the whole handoff on a fresh machine.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { messageActivity, postActivity, replyText } from '../bot/helpers/test-server.js';
import { API_KEY, eventually, startEscalationApp, type EscalationApp } from '../escalation/helpers/escalation-app.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

describe('escalation console (browser)', function () {
  this.timeout(90_000);
  let app: EscalationApp | undefined;
  let browser: Browser | undefined;

  before(function () {
    if (!CHROMIUM) {
      console.warn('    Chromium is not installed: skipping the console browser test');
      this.skip();
    }
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the engineer take the ticket, read the packet and chat with the user, then resolve it', async () => {
    app = await startEscalationApp();
    const user = (text: string) => postActivity(app!.url, messageActivity('c-browser', text));
    await user('our intranet returns 401.1 for everyone, event 4625 status 0xC000006D');
    assert.match(replyText((await user('Talk to an engineer')).activities), /ticket number is \*\*#1\*\*/);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
    const page = await browser.newPage();
    await page.goto(`${app.url}/engineers`);
    await page.fill('#api-key', API_KEY);
    await page.dispatchEvent('#api-key', 'change');
    await page.fill('#engineer-name', 'Dana');
    await page.dispatchEvent('#engineer-name', 'change');
    await page.click('button[data-ticket="1"]');
    await page.waitForSelector('#ticket-title:has-text("Ticket #1: open")');
    assert.match(await page.textContent('#packet') ?? '', /401\.1/);

    await page.click('#take');
    await page.waitForSelector('#ticket-title:has-text("taken (Dana)")');
    await page.fill('#chat-text', 'Hi! Which account does the app pool run as?');
    await page.click('#send');
    await page.waitForSelector('#messages li.from-engineer');

    const seen = await eventually(async () => {
      const r = replyText((await user('it runs as CONTOSO\\svc_intranet')).activities);
      return r.includes('Which account does the app pool run as') ? r : undefined;
    });
    assert.match(seen, /Dana \(engineer\)/);
    await page.waitForSelector('#messages li.from-user:has-text("svc_intranet")');

    await page.fill('#cause', 'new');
    await page.fill('#note', 'password rotated on one server only');
    await page.click('#resolve');
    await page.waitForSelector('#ticket-title:has-text("resolved")');
    const after = replyText((await user('ok')).activities);
    assert.match(after, /Ticket #1 is resolved/);
  });
});

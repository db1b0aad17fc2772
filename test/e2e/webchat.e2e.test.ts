// End to end in headless Chromium: /chat with Bot Framework Web Chat over the embedded Direct Line, the real bot
// (bot/default-bot.ts), the MBAM symptom, "Not it", a FREB upload through Web Chat's upload button, the report page.
// Screenshots go to test/artifacts/ (ignored by git) for people to look at.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startChannelServer, type ChannelServer } from '../directline/helpers/channel-server.js';
import { browserForSuite } from './browser.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const FREB_PATH = fileURLToPath(
  new URL('../fixtures/ingest/freb/mbam-static-500-0x80070542.xml', import.meta.url),
);
const FREB_NAME = 'mbam-static-500-0x80070542.xml';
const SYMPTOM = 'our mbam portal shows only text, every file but index.html returns 500';

/** Text of every bot message in the transcript (cards included). */
async function botTranscript(page: Page): Promise<string> {
  return page
    .locator('.webchat__bubble:not(.webchat__bubble--from-user)')
    .allInnerTexts()
    .then((t) => t.join('\n'));
}

async function waitForBotCount(page: Page, moreThan: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n,
    moreThan,
    { timeout: 60_000 },
  );
}

const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count();

describe('web chat in a real browser (e2e)', function () {
  this.timeout(180_000);
  let server: ChannelServer;
  let browser: Browser;
  const problems: string[] = [];

  before(async function () {
    browser = await browserForSuite(this, ARTIFACTS);
    server = await startChannelServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('diagnoses the MBAM symptom, takes "Not it", reads an uploaded FREB trace and links the report', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

    await page.goto(`${server.url}/chat`);
    const input = page.getByRole('textbox').first();
    await input.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('.webchat__bubble').length > 0, undefined, {
      timeout: 60_000,
    });

    // 1. The symptom -> the diagnosis card.
    let before = await botBubbles(page);
    await input.fill(SYMPTOM);
    await input.press('Enter');
    await waitForBotCount(page, before);
    const notIt = page.getByRole('button', { name: /^Not it/ }).last();
    await notIt.waitFor({ timeout: 60_000 });
    assert.match(await botTranscript(page), /SeImpersonatePrivilege/);
    await page.screenshot({ path: `${ARTIFACTS}01-diagnosis-card.png`, fullPage: false });

    // 2. "Not it" -> the next cause (or a question / the honest "unknown").
    before = await botBubbles(page);
    await notIt.click();
    await waitForBotCount(page, before);
    await page.screenshot({ path: `${ARTIFACTS}02-after-not-it.png` });

    // 3. Upload the trace through Web Chat's upload button, then send.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /upload file/i }).click();
    await (await chooser).setFiles(FREB_PATH);
    const send = page.getByRole('button', { name: /^send$/i });
    await send.click();
    await page.waitForFunction(
      (name) =>
        Array.from(document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')).some((b) =>
          (b.textContent ?? '').includes(name),
        ),
      FREB_NAME,
      { timeout: 90_000 },
    );
    const afterUpload = await botTranscript(page);
    assert.match(
      afterUpload,
      new RegExp(FREB_NAME.replace(/\./g, '\\.')),
      'the diagnosis cites the uploaded trace',
    );
    assert.match(afterUpload, /0x80070542|event 18/);
    await page.screenshot({ path: `${ARTIFACTS}03-trace-diagnosis.png` });
    await page.screenshot({ path: `${ARTIFACTS}03-trace-diagnosis-full.png`, fullPage: true });

    // 4. The report page, through the diagnosis card's own "Open the full report" button.
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: /Open the full report/ }).last().click();
    const report = await popup;
    await report.waitForLoadState();
    assert.match(report.url(), /\/reports\/[A-Za-z0-9_-]{16,}$/);
    await report
      .getByText(/Failed at StaticFileModule/)
      .first()
      .waitFor();
    assert.equal((await report.locator('svg .step.failed').count()) > 0, true, 'the failed step is drawn');
    await report.screenshot({ path: `${ARTIFACTS}04-report.png`, fullPage: true });
    await report
      .locator('figure.timeline')
      .first()
      .screenshot({ path: `${ARTIFACTS}05-report-timeline.png` });

    assert.deepEqual(
      problems.filter((p) => /Content Security Policy|Refused to/i.test(p)),
      [],
      'no CSP violations',
    );
    await context.close();
  });
});

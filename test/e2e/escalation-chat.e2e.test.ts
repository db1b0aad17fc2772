// The whole handoff in headless Chromium, both sides on the bot's own pages: the user in /chat (Bot Framework Web
// Chat over the embedded Direct Line) describes a double hop, answers the bot's first question with its card button,
// asks for a person at the second and reads the ticket number; the engineer in /engineers reads the packet (the
// user's words, the answered and the unanswered question), takes the ticket and chats with the user (engineer ->
// user through the embedded Direct Line's appendBotActivity, user -> engineer through the relay), then resolves it.
// No Teams, no cloud.
// Screenshots go to test/artifacts/escalation-*.png (ignored by git). No timing thresholds: every wait is on page
// content, bounded only by the test's timeout.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { addMessage, diagnose, emptyCase } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { API_KEY, startEscalationApp, type EscalationApp } from '../escalation/helpers/escalation-app.js';
import { browserForSuite } from './browser.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const WAIT = { timeout: 60_000 };
const DOUBLE_HOP =
  "our intranet app impersonates the user and calls sql server on another machine: Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'";
const ENGINEER_SAYS = 'Hi, Dana here. Which account does the application pool run as?';
const USER_SAYS = 'it runs as CONTOSO\\svc_intranet';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';

/** Waits until some bot bubble in Web Chat contains `text`. */
async function waitForBotText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    ({ selector, wanted }) => Array.from(document.querySelectorAll(selector)).some((b) => (b.textContent ?? '').includes(wanted)),
    { selector: BOT_BUBBLE, wanted: text },
    WAIT,
  );
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox').first();
  await input.fill(text);
  await input.press('Enter');
}

/** A screenshot of the chat with its newest message in view (Web Chat may not have scrolled to it yet). */
async function chatShot(page: Page, name: string): Promise<void> {
  await page.locator('.webchat__bubble').last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}${name}` });
}

function collectProblems(page: Page, into: string[], side: string): void {
  page.on('pageerror', (e) => into.push(`${side} pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(`${side} console: ${m.text()}`);
  });
}

describe('escalation: user in web chat, engineer in the console (e2e)', function () {
  this.timeout(240_000);
  let app: EscalationApp | undefined;
  let browser: Browser | undefined;

  before(async function () {
    browser = await browserForSuite(this, ARTIFACTS);
    app = await startEscalationApp();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('hands the case over and lets both sides talk through the local pages until it is resolved', async () => {
    // The two questions the engine asks for this double hop: the first is answered, the second is not.
    const kb = bundledKnowledgeBase();
    const c = emptyCase();
    addMessage(c, DOUBLE_HOP);
    const question = diagnose(kb, c).question;
    assert.ok(question && question.answers.length > 0, 'precondition: the engine asks a question about the double hop');
    const answer = question.answers[question.answers.length - 1];
    const next = diagnose(kb, { ...c, answers: { [question.id]: answer.value } }).question;
    assert.ok(next, `precondition: after "${answer.label}" the engine asks another question`);
    const problems: string[] = [];
    const url = app!.url;

    // The user: describe the problem, answer the question with its card button, ask for an engineer.
    const userContext = await browser!.newContext({ viewport: { width: 1000, height: 900 } });
    const chat = await userContext.newPage();
    collectProblems(chat, problems, 'chat');
    await chat.goto(`${url}/chat`);
    await chat.getByRole('textbox').first().waitFor(WAIT);
    await chat.waitForFunction(() => document.querySelectorAll('.webchat__bubble').length > 0, undefined, WAIT);
    await send(chat, DOUBLE_HOP);
    await waitForBotText(chat, question.text);
    await chat.getByRole('button', { name: answer.label, exact: true }).last().click();
    // The next question is left unanswered: the user asks for a person instead (typed, as people do).
    await waitForBotText(chat, next.text);
    await send(chat, 'talk to a human');
    await waitForBotText(chat, 'your ticket number is #1');
    await chatShot(chat, 'escalation-01-user-ticket.png');

    // The engineer: key and name, open the ticket, read the packet.
    const engineerContext = await browser!.newContext({ viewport: { width: 1200, height: 1000 } });
    const console_ = await engineerContext.newPage();
    collectProblems(console_, problems, 'console');
    await console_.goto(`${url}/engineers`);
    await console_.fill('#api-key', API_KEY);
    await console_.dispatchEvent('#api-key', 'change');
    await console_.fill('#engineer-name', 'Dana');
    await console_.dispatchEvent('#engineer-name', 'change');
    await console_.click('button[data-ticket="1"]', WAIT);
    await console_.waitForSelector('#ticket-title:has-text("Ticket #1: open")', WAIT);
    const packet = (await console_.textContent('#packet')) ?? '';
    assert.match(packet, /calls sql server on another machine/, "the user's words are in the packet");
    assert.ok(packet.includes(`${question.text} -> ${answer.label}`), `the answered question is in the packet:\n${packet}`);
    assert.ok(packet.includes(`${next.text} -> not answered`), `the unanswered question is in the packet:\n${packet}`);
    await console_.screenshot({ path: `${ARTIFACTS}escalation-02-console-packet.png`, fullPage: true });

    // Take it and write to the user: the message appears in their web chat.
    await console_.click('#take');
    await console_.waitForSelector('#ticket-title:has-text("taken (Dana)")', WAIT);
    await console_.fill('#chat-text', ENGINEER_SAYS);
    await console_.click('#send');
    await console_.waitForSelector('#messages li.from-engineer', WAIT);
    await waitForBotText(chat, 'has taken ticket #1');
    await waitForBotText(chat, ENGINEER_SAYS);
    assert.match(await chat.locator(BOT_BUBBLE).allInnerTexts().then((t) => t.join('\n')), /Dana \(engineer\)/);
    await chatShot(chat, 'escalation-03-user-sees-engineer.png');

    // The user answers in web chat: the console shows it (it refreshes the open ticket by itself).
    await send(chat, USER_SAYS);
    await console_.waitForSelector('#messages li.from-user:has-text("svc_intranet")', WAIT);
    await console_.screenshot({ path: `${ARTIFACTS}escalation-04-console-chat.png`, fullPage: true });

    // Resolve with the knowledge-base cause: the user is told, and is back with the bot.
    await console_.fill('#cause', 'kerberos-double-hop-ntlm');
    await console_.fill('#note', 'app pool account was not trusted for delegation');
    await console_.click('#resolve');
    await console_.waitForSelector('#ticket-title:has-text("resolved")', WAIT);
    await waitForBotText(chat, 'Ticket #1 is resolved');
    await chatShot(chat, 'escalation-05-user-resolved.png');
    await console_.screenshot({ path: `${ARTIFACTS}escalation-06-console-resolved.png`, fullPage: true });

    const ticket = await app!.escalation.service.tickets.get(1);
    assert.equal(ticket?.status, 'resolved');
    assert.deepEqual(
      ticket?.messages.map((m) => m.from),
      ['engineer', 'user'],
      'exactly one message each way, nothing lost or doubled',
    );
    assert.deepEqual(
      problems.filter((p) => /Content Security Policy|Refused to|pageerror/i.test(p)),
      [],
      'no script errors or CSP violations on either page',
    );
    await engineerContext.close();
    await userContext.close();
  });
});

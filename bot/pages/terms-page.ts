// The terms of use the Teams manifest links to (termsOfUseUrl, default https://BOT_HOST/terms).
import { html } from '../reports/index.js';
import { textPageRoute, type TextPage } from './page.js';

export function termsPage(): TextPage {
  return {
    title: 'IIS identity support bot: terms of use',
    body: html`<p>This bot is an internal support tool. It suggests likely causes of IIS / ASP.NET impersonation,
delegation and Windows-authentication failures, with evidence from what you send it, and the steps to fix and verify
them.</p>

<h2>No warranty</h2>
<p>The bot is provided as is, without warranty of any kind. Its diagnoses are suggestions drawn from a knowledge base of
known causes and can be wrong or incomplete. Review each fix before applying it, preferably on a test system first;
changes to accounts, SPNs, delegation or server configuration are your responsibility.</p>

<h2>What to send</h2>
<p>Send only what you are allowed to share within your organisation. The bot redacts the secrets it recognises
(passwords, tokens, authorization headers), but it cannot recognise every kind of sensitive data: remove anything else
that should not be stored. See the <a href="/privacy">privacy statement</a> for what is kept.</p>

<h2>People</h2>
<p>When you ask for an engineer, your case is handed to your organisation's support engineers; the bot does not
promise a response time.</p>`,
  };
}

export const termsRoute = () => textPageRoute(termsPage());

// The privacy statement the Teams manifest links to (privacyUrl, default https://BOT_HOST/privacy). It describes what
// this code actually keeps; change it together with the code when storage or retention changes.
import { html } from '../reports/index.js';
import { textPageRoute, type TextPage } from './page.js';

export interface PrivacyPageOptions {
  /** REPORT_RETENTION_DAYS: how long diagnosis report pages are served. */
  reportRetentionDays: number;
}

export function privacyPage(options: PrivacyPageOptions): TextPage {
  const days = options.reportRetentionDays;
  return {
    title: 'IIS identity support bot: privacy',
    body: html`<p>This support bot is run by your organisation to diagnose IIS / ASP.NET impersonation, delegation and
Windows-authentication failures. This page says what it keeps, where, and for how long.</p>

<h2>What it stores</h2>
<ul>
<li><strong>Conversation state and cases.</strong> For each conversation: the current case (your messages, the evidence
read from your files, your answers to its questions, the causes ruled out) and where the conversation stands.
Passwords, tokens, authorization headers and similar secrets are redacted before anything is stored.</li>
<li><strong>Uploaded files.</strong> Files are read to extract evidence; the original file is not kept. A redacted,
size-limited text copy of recent uploads (the last 50 per conversation) is kept so that an engineer can read it if the
case is escalated.</li>
<li><strong>Transcript.</strong> The last 200 messages of a 1:1 or web-chat conversation, redacted, for the same
purpose. Messages in Teams channels are not recorded.</li>
<li><strong>Diagnosis reports</strong> linked from the bot's answers: one page per case that shows the case as it
stands (later messages and files included) until you start a new case, when it is kept as it was; and
<strong>tickets</strong> created when you ask for an engineer (the redacted case, transcript and upload copies, with
a report kept as it was at that moment).</li>
<li><strong>Feedback</strong> on suggested causes ("That fixed it", "Not it"): the cause, the outcome and the
conversation id, used to improve the knowledge base.</li>
</ul>

<h2>Where</h2>
<p>In the bot's own database: a SQLite file on the server that runs the bot, or the PostgreSQL database its operator
configured. Messages travel through Microsoft Teams or the web chat and the Microsoft Bot Framework Service, as for any
Teams bot.</p>

<h2>How long</h2>
<p>Diagnosis report pages are served for ${days} ${days === 1 ? 'day' : 'days'} (<code>REPORT_RETENTION_DAYS</code>)
after the bot last linked them, and not after that. Conversation state, tickets, transcripts, upload copies and feedback have no automatic
expiry: they are kept until the operator deletes them. Starting a new case replaces the conversation's current case.</p>

<h2>Sharing</h2>
<p>Nothing is sold or passed to third parties, and no analytics or advertising services are used. Escalated cases go
only to the destinations your organisation configured: its engineers' Teams channel, its webhook or its contact
centre. Files are downloaded only from where you uploaded them (Teams / SharePoint, the web chat).</p>

<h2>Questions and deletion</h2>
<p>Ask the team that runs this bot in your organisation; they can delete a conversation's records from the database.</p>`,
  };
}

export const privacyRoute = (options: PrivacyPageOptions) => textPageRoute(privacyPage(options));

// The bot's own words: what it can do and read, and how to reach it with files. Everything diagnostic comes from
// the engine and the knowledge base; these only describe the bot.
import { BUTTON_TITLES } from '../bot/cards/index.js';

const READS =
  'Failed Request Tracing files (`fr*.xml`) or the zipped `FailedReqLogFiles` folder, IIS logs (`u_ex*.log`), ' +
  'HTTP.sys `HTTPERR` logs, event-log exports (XML, CSV, or events copied as text from Event Viewer, `wevtutil` or ' +
  '`Get-WinEvent`), `web.config` / `applicationHost.config` (or the section `appcmd list config` prints), HAR files ' +
  'from the browser, the output of `whoami /priv`, `secedit /export /areas USER_RIGHTS`, `setspn` and `klist`, and ' +
  'pasted error pages, codes or exceptions';

export const WELCOME = [
  'Hi! I diagnose Windows / IIS / ASP.NET **impersonation, delegation and Windows-authentication** failures (401s, 500s, "access denied", Kerberos double hop, SPNs, app-pool identities).',
  '',
  `Describe what fails in your own words, paste the error, or attach files: ${READS}.`,
  '',
  'Secrets (passwords, tokens, authorization headers) are redacted before anything is stored. Type "help" at any time.',
].join('\n');

export const HELP = [
  '**What I can do**',
  '- Find the likely cause of an IIS identity or authentication failure, cite the evidence, and give numbered fix and verify steps.',
  `- Read ${READS}.`,
  '- Explain concepts ("what is constrained delegation?", "how do I capture a FREB trace?") and error codes ("what is 0x80070542?").',
  '',
  '**While we work on a case**',
  `- "${BUTTON_TITLES.fixed}" / "${BUTTON_TITLES.not_it}" tell me whether a suggested cause was right; "${BUTTON_TITLES.show_all}" lists every candidate.`,
  `- "${BUTTON_TITLES.escalate}" hands the case to a person; "cancel" stops the current case; "start over" begins a new one.`,
  '',
  'Secrets are redacted before anything is stored.',
].join('\n');

export const CANCELLED = 'OK, I have stopped and closed this case. Describe a new problem whenever you like.';
export const RESTARTED = 'Starting over with a new, empty case.';
export const NOTHING_TO_CANCEL =
  'There is nothing in progress to cancel. Describe a problem, or type "help".';

export const OUT_OF_SCOPE =
  'That is outside what I know: I only cover IIS / ASP.NET impersonation, delegation and Windows authentication. Type "help" to see what I can do.';

/**
 * The greeting in a Teams channel or group chat (on install, or "hi" there): short, because the whole team reads it,
 * and honest about files, which Teams does not pass to bots there.
 */
export function sharedWelcome(botName: string | undefined): string {
  const me = botName?.trim() ? `@${botName.trim()}` : 'me';
  return [
    'Hi! I diagnose Windows / IIS / ASP.NET **impersonation, delegation and Windows-authentication** failures.',
    '',
    `Here, mention ${me} with the problem, the error you see or a question, e.g. "${me} what is constrained delegation?".`,
    '',
    'Teams does not pass files to bots in channels or group chats: to send me a trace or log, open a 1:1 chat with me and attach it there, or paste the relevant text here.',
  ].join('\n');
}

/** The welcome that fits where the conversation happens. */
export function welcomeFor(shared: boolean, botName: string | undefined): string {
  return shared ? sharedWelcome(botName) : WELCOME;
}

/** A message with nothing to read in a channel or group chat: a bare mention, or a file Teams did not pass on. */
export function emptySharedMessage(botName: string | undefined): string {
  const me = botName?.trim() ? `@${botName.trim()}` : 'me';
  return `If you attached a file: Teams does not pass files to bots in channels or group chats. Open a 1:1 chat with me and attach it there, or paste the relevant text here. Otherwise, mention ${me} with the problem or a question.`;
}

export const FILES_IN_SHARED_CHAT =
  'Teams does not pass files to bots in group chats or channels. To send me a log or trace, open a 1:1 chat with me and attach it there, or paste the relevant text (the error page, the log lines) here.';

export function attachInstructions(maxFileBytes: number | undefined): string {
  const limit = maxFileBytes ? ` (up to ${Math.floor(maxFileBytes / (1024 * 1024))} MB per file)` : '';
  return `Attach the file to your next message${limit}. A zipped \`FailedReqLogFiles\` folder is fine: traces compress very well.`;
}

export function fixedThanks(title: string): string {
  return `Great, glad "${title}" fixed it. I have recorded that, and closed this case. Describe a new problem any time.`;
}

export function ruledOutNote(title: string): string {
  return `OK, ruling out "${title}".`;
}

export function reconsideredNote(title: string): string {
  return `You ruled out "${title}" earlier, but what you sent since points straight at it (see the evidence below). If you have not tried its fix yet, it is worth a second look; if you have, say "Not it" again.`;
}

export const FIXED_WITHOUT_CAUSE =
  'Glad it works now. I had not suggested a cause for this case, so no feedback is recorded; I have closed the case. Describe a new problem any time.';
export const NO_CAUSE_SHOWN =
  'I have not suggested a cause yet. Tell me more about the problem, or attach a trace or log.';
export const STALE_CARD =
  'That button is on a card from an earlier case, which is closed, so I have recorded nothing. For the current case, use the buttons of its latest card, or tell me what happened.';
export const CAUSE_NO_LONGER_RANKED =
  'That cause no longer fits the case as it stands (it may have been ruled out).';
export const NOT_AN_EXPLANATION = 'I have no article on that in my knowledge base. Topics I can explain:';

export const HANDOFF_NOT_CONFIGURED =
  'Handing a case to an engineer is not configured on this bot instance, so no ticket was created. Copy the summary below into your request to your support team.';
export const HANDOFF_FAILED =
  'I could not hand the case to an engineer just now, so no ticket was created. Copy the summary below into your request to your support team.';

export function fileProblems(messages: string[]): string {
  return ['I could not use every file:', ...messages.map((m) => `- ${m}`)].join('\n');
}

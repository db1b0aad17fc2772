// One reading of the incoming activity per turn, shared by every dialog: the button pressed (Action.Submit value,
// Teams messageBack value, or a button title typed / sent as imBack), else the classifier's reading of the text
// (without the bot's Teams @mention).
import type { TurnContext } from 'botbuilder';
import type { Classification, Intent } from '../knowledge/intents/index.js';
import { BUTTON_TITLES, parseCardAction, type CardActionData } from '../bot/cards/index.js';
import type { DialogServices } from './services.js';
import { textWithoutBotMention } from './teams-mention.js';

export interface TurnInput {
  /** The typed text without the bot's @mention, trimmed ('' for a button press without text). */
  text: string;
  /** A button: from a card (with ids) or its title typed back (without ids: the dialog fills in the shown cause). */
  action?: CardActionData;
  /** The classifier's reading of `text`, when there is text and no button. */
  classification?: Classification;
  /** A restart command: a new case, forgetting the current one. */
  restart: boolean;
  /** The message carries something that may be a file (cards and Teams' HTML copy are not). */
  hasFiles: boolean;
  /** "personal", "groupChat", "channel" in Teams; "" elsewhere. */
  conversationType: string;
}

const RESTART = /^\s*\/?(restart|reset|start over|start again|new case|new problem)[\s.!]*$/i;
// Cards are not files, nor is the "text/html" copy of the message (mentions and formatting) Teams adds to messages.
const NOT_FILES = /^(application\/vnd\.microsoft\.card\.|text\/html$)/i;

const TITLE_ACTIONS = new Map<string, CardActionData>([
  [BUTTON_TITLES.fixed.toLowerCase(), { action: 'fixed' }],
  [BUTTON_TITLES.not_it.toLowerCase(), { action: 'not_it' }],
  [BUTTON_TITLES.show_all.toLowerCase(), { action: 'show_all' }],
  [BUTTON_TITLES.escalate.toLowerCase(), { action: 'escalate' }],
]);

const TURN_INPUT = Symbol('turnInput');

/** Reads (once per turn) and caches the turn's input on the context. */
export function readTurnInput(context: TurnContext, services: Pick<DialogServices, 'classify'>): TurnInput {
  const cached = context.turnState.get(TURN_INPUT) as TurnInput | undefined;
  if (cached) return cached;
  const a = context.activity;
  const text = textWithoutBotMention(a);
  const action = parseCardAction(a.value) ?? TITLE_ACTIONS.get(text.toLowerCase().replace(/[.!]+$/, ''));
  const input: TurnInput = {
    text,
    action,
    classification: !action && text ? services.classify(text) : undefined,
    restart: !action && RESTART.test(text),
    hasFiles: (a.attachments ?? []).some((att) => !NOT_FILES.test(att.contentType ?? '')),
    conversationType: (a.conversation?.conversationType ?? '').toString(),
  };
  context.turnState.set(TURN_INPUT, input);
  return input;
}

/** The classified intent when the classifier is sure of it; undefined when unsure or when a button was pressed. */
export function confidentIntent(input: TurnInput): Intent | undefined {
  const c = input.classification;
  return c && !c.lowConfidence ? c.intent : undefined;
}

/** "I want to send you my logs" without a file: the classifier's top reading, even when unsure (the answer is harmless: how to send one). */
export function wantsToUpload(input: TurnInput): boolean {
  return !input.hasFiles && input.classification?.intent === 'upload_logs';
}

/**
 * Nothing to read: no words (or only the bot's @mention), no button, no file. In a Teams channel or group chat this
 * is also what a message with an attached file looks like, since Teams drops the file there.
 */
export function isEmptyMessage(input: TurnInput): boolean {
  return !input.text && !input.action && !input.hasFiles;
}

/** Teams delivers files to bots only in 1:1 chats. */
export function isSharedConversation(input: TurnInput): boolean {
  return input.conversationType === 'groupChat' || input.conversationType === 'channel';
}

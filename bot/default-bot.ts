// The one line that picks the conversation logic: the dialogs (Main, Diagnose, Explain, Escalate).
import { createSupportBot } from '../dialogs/index.js';
import type { BotFactory } from './bot-contract.js';

export const defaultBotFactory: BotFactory = (deps) => createSupportBot(deps);
export const defaultBotName = 'dialogs';

// The one line that picks the conversation logic. FALLBACK until dialogs/ exports its factory: then point this at it.
import type { BotFactory } from './bot-contract.js';
import { createFallbackBot } from './fallback-bot.js';

export const defaultBotFactory: BotFactory = createFallbackBot;
export const defaultBotName = 'fallback (plain-text answers; dialogs not wired yet)';

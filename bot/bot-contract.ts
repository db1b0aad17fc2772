// The contract between the composition root and the conversation logic (dialogs/): the root owns storage and state
// and hands them, with the engine services, to a factory that builds the bot.
import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import type { BotServices } from './services.js';

export interface BotDeps {
  conversationState: ConversationState;
  userState: UserState;
  services: BotServices;
}

/** What the adapter runs each turn. An ActivityHandler subclass satisfies it. */
export interface SupportBot {
  run(context: TurnContext): Promise<void>;
  /**
   * Optional. Called after a failed turn, with this conversation's state freshly reloaded from storage (the failed
   * turn's changes are dropped): clear whatever could make the next turn fail again (e.g. the dialog stack), keep the
   * Case. The root saves the state afterwards.
   */
  resetAfterError?(context: TurnContext): Promise<void>;
}

/**
 * Builds the bot once at start. The root saves conversation and user state after every successful turn (saving
 * again inside the bot is harmless: unchanged state is not written twice).
 */
export type BotFactory = (deps: BotDeps) => SupportBot;

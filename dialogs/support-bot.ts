// The bot the adapter runs: each message goes through the dialog stack (kept in conversation state), new members
// get the welcome. Satisfies bot/bot-contract.ts's SupportBot; the root saves state after every turn.
import { ActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { conversationAccessors, type ConversationAccessors } from './conversation-state.js';
import { MAIN_DIALOG, MainDialog } from './main-dialog.js';
import { WELCOME } from './messages.js';
import { sendMarkdown } from './send-reply.js';
import type { DialogServices } from './services.js';

export interface SupportBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  services: DialogServices;
}

export class DialogSupportBot extends ActivityHandler {
  private readonly accessors: ConversationAccessors;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: SupportBotDeps) {
    super();
    this.accessors = conversationAccessors(deps.conversationState);
    this.dialogs = new DialogSet(this.accessors.dialogState);
    this.dialogs.add(new MainDialog(this.accessors.caseState, deps.services));

    this.onMessage(async (context, next) => {
      await this.runDialogs(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId))
        await sendMarkdown(context, WELCOME);
      await next();
    });
  }

  /** After a failed turn: drop the dialog stack (it may be what failed), keep the Case. */
  async resetAfterError(context: TurnContext): Promise<void> {
    await this.accessors.dialogState.delete(context);
  }

  private async runDialogs(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
    // Saving here too keeps the bot correct under any host; unchanged state is not written twice.
    await this.deps.conversationState.saveChanges(context);
    await this.deps.userState.saveChanges(context);
  }
}

/** The factory the composition root calls (bot/default-bot.ts): `export const defaultBotFactory = createSupportBot`. */
export function createSupportBot(deps: SupportBotDeps): DialogSupportBot {
  return new DialogSupportBot(deps);
}

// The bot the adapter runs: each message goes through the dialog stack (kept in conversation state); the welcome goes
// out when the bot is installed in Teams or a person joins a conversation with it. A TeamsActivityHandler, so Teams
// events (install, channel and team changes) are dispatched the Teams way; other channels behave as an
// ActivityHandler. Satisfies bot/bot-contract.ts's SupportBot; the root saves state after every turn.
import { TeamsActivityHandler, type Activity, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { conversationAccessors, type ConversationAccessors } from './conversation-state.js';
import { ActivityReceivedEventSkip } from './activity-received-event.js';
import { DialogMemoryConfig } from './dialog-memory-config.js';
import { MAIN_DIALOG, MainDialog } from './main-dialog.js';
import { sharedWelcome, WELCOME } from './messages.js';
import { sendMarkdown } from './send-reply.js';
import type { DialogServices } from './services.js';

export interface SupportBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  services: DialogServices;
}

export class DialogSupportBot extends TeamsActivityHandler {
  private readonly accessors: ConversationAccessors;
  private readonly dialogs: DialogSet;
  private readonly memoryConfig = new DialogMemoryConfig();
  private readonly activityReceived = new ActivityReceivedEventSkip();

  constructor(private readonly deps: SupportBotDeps) {
    super();
    this.accessors = conversationAccessors(deps.conversationState);
    this.dialogs = new DialogSet(this.accessors.dialogState);
    this.dialogs.add(new MainDialog(this.accessors.caseState, deps.services));

    this.onMessage(async (context, next) => {
      await this.runDialogs(context);
      await next();
    });
    // MembersAdded, not TeamsMembersAdded: the Teams variant first fetches every added member's profile from the
    // Bot Connector, a network call per member that the welcome does not need.
    this.onMembersAdded(async (context, next) => {
      const welcome = welcomeOnMembersAdded(context.activity);
      if (welcome) await sendMarkdown(context, welcome);
      await next();
    });
  }

  /** After a failed turn: drop the dialog stack (it may be what failed), keep the Case. */
  async resetAfterError(context: TurnContext): Promise<void> {
    await this.accessors.dialogState.delete(context);
  }

  private async runDialogs(context: TurnContext): Promise<void> {
    this.memoryConfig.prime(context);
    const dc = await this.dialogs.createContext(context);
    this.memoryConfig.remember(dc);
    this.activityReceived.prime(context);
    const result = await dc.continueDialog();
    this.activityReceived.learn(context);
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
    // Saving here too keeps the bot correct under any host; unchanged state is not written twice.
    await this.deps.conversationState.saveChanges(context);
    await this.deps.userState.saveChanges(context);
  }
}

/**
 * The welcome a conversationUpdate with added members calls for, if any (one per activity, however many were added):
 * - Teams, the bot installed in a team (its channel) or a group chat: one short greeting there, on @mentions and files;
 *   people joining a team or group chat later get nothing, as every greeting would be a post the whole team sees.
 * - Teams personal scope: the full welcome when the bot is installed (the add carries the bot's id) or the user joins.
 * - Every other channel, as before: the full welcome when a person joins (Web Chat and Direct Line also announce the
 *   bot itself, which must not greet twice).
 */
export function welcomeOnMembersAdded(activity: Partial<Activity>): string | undefined {
  const botId = activity.recipient?.id;
  const added = activity.membersAdded ?? [];
  const botAdded = added.some((m) => m.id === botId);
  const personAdded = added.some((m) => m.id !== botId);
  if (activity.channelId !== 'msteams') return personAdded ? WELCOME : undefined;
  const type = activity.conversation?.conversationType;
  const inTeam = Boolean((activity.channelData as { team?: unknown } | undefined)?.team);
  if (inTeam || type === 'channel' || type === 'groupChat')
    return botAdded ? sharedWelcome(activity.recipient?.name) : undefined;
  return botAdded || personAdded ? WELCOME : undefined;
}

/** The factory the composition root calls (bot/default-bot.ts): `export const defaultBotFactory = createSupportBot`. */
export function createSupportBot(deps: SupportBotDeps): DialogSupportBot {
  return new DialogSupportBot(deps);
}

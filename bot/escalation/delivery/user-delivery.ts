// Delivers a message to the user's own conversation, wherever it is: the terminal chat (queued: it only sees
// replies to its next request), the embedded web chat (appended to its Direct Line conversation), or any real
// channel (a proactive message through the adapter, e.g. Teams).
import type { Activity, TurnContext } from 'botbuilder';
import { LOCAL_CHAT_CHANNEL_ID } from '../../attachments/index.js';
import { DeliveryError } from '../errors.js';
import type { ConversationLogStore } from '../store/index.js';
import type { ConversationRef } from '../types.js';

/** The adapter's proactive entry point (CloudAdapter satisfies it). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: ConversationRef, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** The embedded web chat's append function: false when the conversation is not one of its own. */
export type WebChatAppend = (conversationId: string, activity: Partial<Activity>) => boolean;

export interface UserDeliveryDeps {
  adapter: ProactiveAdapter;
  botAppId: string;
  conversations: Pick<ConversationLogStore, 'queueForConversation'>;
  webChatAppend?: WebChatAppend;
}

export async function sendProactive(deps: Pick<UserDeliveryDeps, 'adapter' | 'botAppId'>, reference: ConversationRef, activity: Partial<Activity>): Promise<string | undefined> {
  let id: string | undefined;
  try {
    await deps.adapter.continueConversationAsync(deps.botAppId, reference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
  } catch (cause) {
    const status = (cause as { statusCode?: number }).statusCode;
    // 403/404 from the connector: the bot was removed or the conversation is gone; retrying cannot help.
    throw new DeliveryError(`proactive message failed${status ? ` (HTTP ${status})` : ''}: ${cause instanceof Error ? cause.message : String(cause)}`, status === 403 || status === 404, { cause });
  }
  return id;
}

export async function deliverToUser(deps: UserDeliveryDeps, reference: ConversationRef, activity: Partial<Activity>): Promise<void> {
  const conversationId = reference.conversation?.id;
  if (!conversationId) throw new DeliveryError('the user conversation has no id', true);
  if (reference.channelId === LOCAL_CHAT_CHANNEL_ID) {
    await deps.conversations.queueForConversation(conversationId, activity);
    return;
  }
  if (deps.webChatAppend?.(conversationId, { ...activity, from: activity.from ?? reference.bot, conversation: reference.conversation })) return;
  await sendProactive(deps, reference, activity);
}

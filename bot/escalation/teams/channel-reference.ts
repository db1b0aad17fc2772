// The engineers' Teams channel as a conversation reference (ENGINEERS_CHANNEL, or captured by "engineers here"),
// and the thread ids Teams uses: a reply in a channel thread arrives with conversation id
// "<channel id>;messageid=<id of the thread's first message>".
import type { Activity } from 'botbuilder';
import { ChannelReferenceError } from '../errors.js';
import type { ConversationRef } from '../types.js';

const THREAD = /^(.+);messageid=(\d+)$/;

export function channelConversationId(conversationId: string): string {
  return THREAD.exec(conversationId)?.[1] ?? conversationId;
}

export function isThreadConversation(conversationId: string | undefined): boolean {
  return THREAD.test(conversationId ?? '');
}

export function threadConversationId(channelId: string, rootActivityId: string): string {
  return `${channelConversationId(channelId)};messageid=${rootActivityId}`;
}

/** The reference that posts a new thread in the channel the activity came from. */
export function channelReferenceOf(activity: Partial<Activity>): ConversationRef {
  const conversationId = channelConversationId(activity.conversation?.id ?? '');
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    bot: activity.recipient,
    conversation: {
      id: conversationId,
      isGroup: true,
      conversationType: 'channel',
      tenantId: activity.conversation?.tenantId,
      name: activity.conversation?.name ?? '',
    },
  };
}

/** The same channel, addressed to one thread. */
export function threadReference(channel: ConversationRef, rootActivityId: string): ConversationRef {
  const id = threadConversationId(channel.conversation?.id ?? '', rootActivityId);
  return { ...channel, conversation: { ...(channel.conversation ?? { isGroup: true, name: '' }), id } as ConversationRef['conversation'] };
}

/** Reads ENGINEERS_CHANNEL: a JSON conversation reference with at least serviceUrl and conversation.id. */
export function parseChannelReference(text: string): ConversationRef {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw Object.assign(new ChannelReferenceError('must be a JSON conversation reference: {"serviceUrl": "...", "conversation": {"id": "19:...@thread.tacv2"}}'), { cause });
  }
  const ref = raw as ConversationRef;
  if (!ref || typeof ref !== 'object' || typeof ref.serviceUrl !== 'string' || typeof ref.conversation?.id !== 'string') {
    throw new ChannelReferenceError('needs "serviceUrl" and "conversation.id"');
  }
  if (!/^https:\/\//.test(ref.serviceUrl)) throw new ChannelReferenceError('"serviceUrl" must be an https URL');
  return {
    channelId: ref.channelId ?? 'msteams',
    serviceUrl: ref.serviceUrl,
    ...(ref.bot ? { bot: ref.bot } : {}),
    conversation: {
      ...ref.conversation,
      isGroup: ref.conversation.isGroup ?? true,
      conversationType: ref.conversation.conversationType ?? 'channel',
      name: ref.conversation.name ?? '',
      id: channelConversationId(ref.conversation.id),
    },
  };
}

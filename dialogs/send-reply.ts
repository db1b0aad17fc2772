// Sends a reply the way the channel can show it: an Adaptive Card where cards render, its Markdown elsewhere.
// Questions use suggested actions, except in Teams group chats and channels, where those are not shown: there the
// question goes out as a card with one button per answer.
import { ActionTypes, CardFactory, MessageFactory, TextFormatTypes, type TurnContext } from 'botbuilder';
import { questionReply, supportsAdaptiveCards, type Reply } from '../bot/cards/index.js';
import type { Question } from '../knowledge/index.js';

export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  if (supportsAdaptiveCards(context.activity.channelId)) {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)));
  } else {
    await sendMarkdown(context, reply.markdown);
  }
}

export async function sendMarkdown(context: TurnContext, markdown: string): Promise<void> {
  const activity = MessageFactory.text(markdown);
  activity.textFormat = TextFormatTypes.Markdown;
  await context.sendActivity(activity);
}

export async function sendQuestion(context: TurnContext, q: Question, shared: boolean): Promise<void> {
  const reply = questionReply(q);
  if (shared && supportsAdaptiveCards(context.activity.channelId)) {
    await sendReply(context, reply);
    return;
  }
  const activity = MessageFactory.suggestedActions(
    q.answers.map((a) => ({ type: ActionTypes.ImBack, title: a.label, value: a.label })),
    reply.markdown,
  );
  activity.textFormat = TextFormatTypes.Markdown;
  await context.sendActivity(activity);
}

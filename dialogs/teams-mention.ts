// The words of a message without the bot's @mention. Teams puts "<at>Name</at>" into the text of every channel and
// group-chat message that addresses the bot (and of personal messages that mention it), and the classifier must not
// read the bot's name as part of the problem. The activity itself is left untouched: the transcript keeps what was sent.
import { TurnContext, type Activity, type Mention } from 'botbuilder';

const AT_TAG = /<at>([\s\S]*?)<\/at>/gi;

/**
 * Removes every mention of the recipient (the bot), found by id as TurnContext.removeMentionText does, but
 * without its limits: it removes every occurrence, not only the first (Teams splits a multi-word name into
 * several `<at>` parts, one entity each), and also the bot's name in `<at>` tags when the entity's text differs
 * from the text (a mention the user shortened, or the app's display name differing from the bot's name).
 * Mentions of other people stay as their plain names.
 */
export function textWithoutBotMention(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  if (!text) return '';
  const botId = activity.recipient?.id;
  const mentions = botId
    ? TurnContext.getMentions(activity as Activity).filter((m: Mention) => m.mentioned?.id === botId)
    : [];
  for (const m of mentions) if (m.text) text = text.split(m.text).join('');
  const botNames = new Set(
    [activity.recipient?.name, ...mentions.map((m) => m.mentioned?.name)]
      .filter((n): n is string => typeof n === 'string' && n.trim().length > 0)
      .map(normalizeName),
  );
  // `<at>` is Teams' markup; elsewhere the text is left as typed. Only the tags are touched: pasted logs and
  // error pages keep their lines and spacing.
  if (activity.channelId !== 'msteams') return text.trim();
  text = text.replace(AT_TAG, (_tag, inner: string) => (botNames.has(normalizeName(inner)) ? '' : inner));
  return text.trim();
}

function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

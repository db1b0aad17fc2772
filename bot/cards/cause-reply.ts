// One cause as a card and as the same content in Markdown.
import { causeCard, type CauseView } from './cause-card.js';
import { causeMarkdown } from './cause-markdown.js';
import type { Reply } from './card-types.js';

export function causeReply(view: CauseView): Reply {
  return { card: causeCard(view), markdown: causeMarkdown(view) };
}

// One cause as a card and as the same content in Markdown. A channel shows one of the two, so each is built when
// first read (and then kept): a card channel never pays for the Markdown, nor a text channel for the card.
import { causeCard, type CauseView } from './cause-card.js';
import { causeMarkdown } from './cause-markdown.js';
import type { AdaptiveCard, Reply } from './card-types.js';

export function causeReply(view: CauseView): Reply {
  let card: AdaptiveCard | undefined;
  let markdown: string | undefined;
  return {
    get card() {
      return (card ??= causeCard(view));
    },
    get markdown() {
      return (markdown ??= causeMarkdown(view));
    },
  };
}

// When the engine does not know, or every plausible cause was ruled out: say so, say what would settle it (the
// engine's own list), and offer an engineer.
import { card, heading, plain } from './blocks.js';
import { BUTTON_TITLES, submitAction } from './card-actions.js';
import type { CardElement, Reply } from './card-types.js';
import { markdownBlocks, truncate } from './rich-text.js';

export interface EngineerOfferView {
  /** 'unknown': nothing in the knowledge base fits; 'exhausted': the user ruled out every plausible cause. */
  reason: 'unknown' | 'exhausted';
  /** The engine's `whatWouldHelp`. */
  whatWouldHelp: string[];
}

const HEADLINES: Record<EngineerOfferView['reason'], string> = {
  unknown: 'I cannot tell the cause from what I have so far.',
  exhausted: 'You have ruled out every cause that fits this case.',
};

export function engineerOfferReply(view: EngineerOfferView): Reply {
  const headline = HEADLINES[view.reason];
  const body: CardElement[] = [plain(headline)];
  if (view.whatWouldHelp.length) {
    body.push(heading('What would help me'));
    view.whatWouldHelp
      .slice(0, 8)
      .forEach((w, i) => body.push(...markdownBlocks(truncate(w, 1500), `${i + 1}. `)));
  }
  body.push(plain('Or hand the case to an engineer.'));
  const lines = [headline];
  if (view.whatWouldHelp.length)
    lines.push('', '**What would help me**', '', ...view.whatWouldHelp.map((w, i) => `${i + 1}. ${w}`));
  lines.push('', `Or reply "${BUTTON_TITLES.escalate}".`);
  return {
    card: card(body, [submitAction(BUTTON_TITLES.escalate, { action: 'escalate' })], headline),
    markdown: lines.join('\n'),
  };
}

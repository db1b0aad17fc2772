// Every cause the engine currently ranks, best first, each with its strongest evidence and a button to open it.
import type { Hypothesis } from '../../knowledge/types.js';
import { card, heading, note, plain, title } from './blocks.js';
import { BUTTON_TITLES, submitAction } from './card-actions.js';
import { fitToBudget } from './card-size.js';
import type { CardElement, Reply } from './card-types.js';
import { confidenceInWords } from './confidence-words.js';
import { truncate } from './rich-text.js';

export interface AllCausesView {
  hypotheses: Hypothesis[];
  /** Titles of the causes the user already ruled out. */
  ruledOut: string[];
}

const CITATION_CHARS = [300, 120, 0] as const;

export function allCausesReply(view: AllCausesView): Reply {
  const n = view.hypotheses.length;
  const headline =
    n === 0 ? 'No cause fits the case any more.' : `The ${n} cause(s) I am considering, most likely first`;
  const build = (citationChars: number) => {
    const body: CardElement[] = [title(headline)];
    view.hypotheses.forEach((h, i) => {
      const items: CardElement[] = [heading(`${i + 1}. ${h.title}`), plain(confidenceInWords(h))];
      const top = h.evidence[0];
      if (top && citationChars > 0)
        items.push(note(`Strongest evidence: ${truncate(top.citation, citationChars)}`));
      items.push({
        type: 'ActionSet',
        actions: [submitAction('Show this cause', { action: 'show_cause', causeId: h.id })],
      });
      body.push({ type: 'Container', separator: true, items });
    });
    if (view.ruledOut.length) body.push(note(`Ruled out by you: ${view.ruledOut.join('; ')}`));
    return card(body, [submitAction(BUTTON_TITLES.escalate, { action: 'escalate' })], headline);
  };
  const lines = [`**${headline}**`, ''];
  view.hypotheses.forEach((h, i) => {
    lines.push(`${i + 1}. **${h.title}** — ${confidenceInWords(h)}`);
    if (h.evidence[0]) lines.push(`   Strongest evidence: ${h.evidence[0].citation}`);
  });
  if (view.ruledOut.length) lines.push('', `Ruled out by you: ${view.ruledOut.join('; ')}`);
  lines.push('', `Reply with a cause's number to see it, or "${BUTTON_TITLES.escalate}".`);
  return { card: fitToBudget(CITATION_CHARS, build), markdown: lines.join('\n') };
}

// When the engine does not know, or every plausible cause was ruled out: say so, show the non-identity problem the
// case matches when there is one (with its evidence and what to check), say what would settle it (the engine's own
// list), and offer an engineer.
import type { LookalikeMatch } from '../../knowledge/types.js';
import { card, citationLine, heading, markdownLink, plain, referenceBlock, title } from './blocks.js';
import { BUTTON_TITLES, submitAction } from './card-actions.js';
import type { CardAction, CardElement, Reply } from './card-types.js';
import { markdownBlocks, truncate } from './rich-text.js';

export interface EngineerOfferView {
  /** 'unknown': nothing in the knowledge base fits; 'exhausted': the user ruled out every plausible cause. */
  reason: 'unknown' | 'exhausted';
  /** The engine's `whatWouldHelp`. */
  whatWouldHelp: string[];
  /** The engine's `lookalikes`: known problems that are not identity failures, strongest first. */
  lookalikes?: LookalikeMatch[];
}

const HEADLINES: Record<EngineerOfferView['reason'], string> = {
  unknown: 'I cannot tell the cause from what I have so far.',
  exhausted: 'You have ruled out every cause that fits this case.',
};
const LOOKALIKE_HEADLINES: Record<EngineerOfferView['reason'], string> = {
  unknown: 'This does not look like an identity problem.',
  exhausted: 'You have ruled out the identity causes that fit, and the case looks like another kind of problem.',
};

const LIMITS = { evidence: 3, whyChars: 1200, steps: 6, stepChars: 500, references: 4 };

export function engineerOfferReply(view: EngineerOfferView): Reply {
  const [lookalike, ...others] = view.lookalikes ?? [];
  const headline = lookalike ? LOOKALIKE_HEADLINES[view.reason] : HEADLINES[view.reason];
  const body: CardElement[] = [plain(headline)];
  const lines = [headline];
  if (lookalike) {
    body.push(...lookalikeBlocks(lookalike));
    lines.push('', ...lookalikeMarkdown(lookalike));
    if (others.length) {
      const also = `It could also be: ${others.map((o) => o.title).join('; ')}.`;
      body.push(plain(also));
      lines.push('', also);
    }
  }
  if (view.whatWouldHelp.length) {
    const title = lookalike ? 'If it is an identity problem after all, this would help me' : 'What would help me';
    body.push(heading(title));
    view.whatWouldHelp
      .slice(0, 8)
      .forEach((w, i) => body.push(...markdownBlocks(truncate(w, 1500), `${i + 1}. `)));
    lines.push('', `**${title}**`, '', ...view.whatWouldHelp.map((w, i) => `${i + 1}. ${w}`));
  }
  body.push(plain('Or hand the case to an engineer.'));
  lines.push('', lookalike ? `Reply "${BUTTON_TITLES.fixed}", "${BUTTON_TITLES.not_it}" or "${BUTTON_TITLES.escalate}".` : `Or reply "${BUTTON_TITLES.escalate}".`);
  return {
    card: card(body, actionsFor(lookalike), lookalike ? `${headline} ${lookalike.title}` : headline),
    markdown: lines.join('\n'),
  };
}

/** A shown look-alike takes the same feedback as a cause: "Not it" rules it out and brings the identity causes back. */
function actionsFor(lookalike: LookalikeMatch | undefined): CardAction[] {
  const engineer = submitAction(BUTTON_TITLES.escalate, { action: 'escalate' });
  if (!lookalike) return [engineer];
  return [
    submitAction(BUTTON_TITLES.fixed, { action: 'fixed', causeId: lookalike.id }),
    submitAction(BUTTON_TITLES.not_it, { action: 'not_it', causeId: lookalike.id }),
    engineer,
  ];
}

function lookalikeBlocks(l: LookalikeMatch): CardElement[] {
  const blocks: CardElement[] = [title(l.title)];
  if (l.evidence.length) {
    blocks.push(heading('What in your case shows it'));
    for (const e of l.evidence.slice(0, LIMITS.evidence)) blocks.push(citationLine(e));
  }
  blocks.push(heading('Why it is not an identity problem'), ...markdownBlocks(truncate(l.explanation, LIMITS.whyChars)));
  if (l.steps.length) {
    blocks.push(heading('What to check'));
    l.steps.slice(0, LIMITS.steps).forEach((s, i) => blocks.push(...markdownBlocks(truncate(s, LIMITS.stepChars), `${i + 1}. `)));
  }
  if (l.references.length) {
    blocks.push(heading('References'));
    for (const r of l.references.slice(0, LIMITS.references)) blocks.push(referenceBlock(r));
  }
  return blocks;
}

function lookalikeMarkdown(l: LookalikeMatch): string[] {
  const lines = [`**${l.title}**`];
  if (l.evidence.length) lines.push('', '**What in your case shows it**', '', ...l.evidence.slice(0, LIMITS.evidence).map((e) => `- ${e.citation}: ${e.meaning}`));
  lines.push('', '**Why it is not an identity problem**', '', l.explanation);
  if (l.steps.length) lines.push('', '**What to check**', '', ...l.steps.slice(0, LIMITS.steps).map((s, i) => `${i + 1}. ${s}`));
  if (l.references.length) lines.push('', ...l.references.slice(0, LIMITS.references).map((r) => `- ${markdownLink(r)}`));
  return lines;
}

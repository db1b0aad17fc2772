// One cause as an Adaptive Card: title, confidence in words, the cited evidence, why it happens, numbered steps with
// commands in monospace, how to verify, and the feedback buttons. Long parts sit in hidden containers behind one
// "Show more" toggle; when even that is too big for Teams, each part is shortened (and says so). The parts written
// from the knowledge base are built once per text and shared between cards (shared-blocks.ts).
import type { CitedEvidence, DecodedCode, Hypothesis } from '../../knowledge/types.js';
import { BUTTON_TITLES, submitAction } from './card-actions.js';
import { fitToBudget } from './card-size.js';
import { card, citationLine, heading, note, referenceBlock } from './blocks.js';
import type { AdaptiveCard, CardAction, CardElement, TextBlock } from './card-types.js';
import { confidenceInWords, rankInWords } from './confidence-words.js';
import { truncate } from './rich-text.js';
import { sharedMarkdownBlocks } from './shared-blocks.js';

export interface CauseView {
  hypothesis: Hypothesis;
  /** 1-based place in the current ranking, and how many causes are ranked. */
  rank: number;
  total: number;
  /** Causes the user already ruled out in this case (changes the heading to "next most likely"). */
  ruledOut?: number;
  codes?: DecodedCode[];
  /** The diagnosis report page (evidence highlighted, trace timelines). */
  reportUrl?: string;
}

interface Detail {
  evidenceShown: number;
  evidenceMore: number;
  excerptChars: number;
  whyChars: number;
  maxSteps: number;
  stepChars: number;
  verifyChars: number;
}

/** From full detail down to a few lines per part. */
const LEVELS: readonly Detail[] = [
  {
    evidenceShown: 3,
    evidenceMore: 40,
    excerptChars: 300,
    whyChars: 6000,
    maxSteps: 30,
    stepChars: 3000,
    verifyChars: 3000,
  },
  {
    evidenceShown: 3,
    evidenceMore: 20,
    excerptChars: 160,
    whyChars: 3000,
    maxSteps: 20,
    stepChars: 1200,
    verifyChars: 1500,
  },
  {
    evidenceShown: 3,
    evidenceMore: 10,
    excerptChars: 100,
    whyChars: 1500,
    maxSteps: 15,
    stepChars: 600,
    verifyChars: 800,
  },
  {
    evidenceShown: 2,
    evidenceMore: 5,
    excerptChars: 60,
    whyChars: 800,
    maxSteps: 10,
    stepChars: 300,
    verifyChars: 400,
  },
  {
    evidenceShown: 1,
    evidenceMore: 0,
    excerptChars: 0,
    whyChars: 300,
    maxSteps: 6,
    stepChars: 160,
    verifyChars: 200,
  },
];

const MORE_ID = 'more';
const VISIBLE_WHY_CHARS = 400;

export function causeCard(view: CauseView): AdaptiveCard {
  return fitToBudget(LEVELS, (level) => build(view, level));
}

export function causeHeading(view: CauseView): string {
  return (view.ruledOut ?? 0) > 0 && view.rank === 1
    ? `Next most likely cause (${view.ruledOut} ruled out so far)`
    : rankInWords(view.rank, view.total);
}

function build(view: CauseView, d: Detail): AdaptiveCard {
  const h = view.hypothesis;
  const body: CardElement[] = [
    { type: 'TextBlock', text: causeHeading(view), isSubtle: true, size: 'Small', wrap: true },
    { type: 'TextBlock', text: h.title, weight: 'Bolder', size: 'Medium', wrap: true },
    confidenceBlock(h),
  ];
  const more: CardElement[] = [];

  if (h.evidence.length > 0) {
    body.push(heading('Evidence'));
    for (const e of h.evidence.slice(0, d.evidenceShown)) body.push(citationBlock(e, d));
    const rest = h.evidence.slice(d.evidenceShown, d.evidenceShown + d.evidenceMore);
    if (rest.length > 0) {
      more.push(heading(`More evidence (${rest.length})`));
      for (const e of rest) more.push(citationBlock(e, d));
    }
    const dropped = h.evidence.length - d.evidenceShown - rest.length;
    if (dropped > 0)
      more.push(
        note(`${dropped} more evidence item(s) not shown here; "Talk to an engineer" passes on all of them.`),
      );
  }

  if (h.explanation) {
    body.push(heading('Why it happens'));
    const first = h.explanation.split(/\n\s*\n/)[0] ?? '';
    const short = truncate(first, Math.min(VISIBLE_WHY_CHARS, d.whyChars));
    body.push(...sharedMarkdownBlocks(short));
    const full = truncate(h.explanation, d.whyChars);
    if (full !== short) more.push(heading('Why it happens, in full'), ...sharedMarkdownBlocks(full));
  }

  if (h.steps.length > 0) {
    body.push(heading('Fix, step by step'));
    h.steps
      .slice(0, d.maxSteps)
      .forEach((step, i) => body.push(...sharedMarkdownBlocks(truncate(step, d.stepChars), `${i + 1}. `)));
    if (h.steps.length > d.maxSteps)
      body.push(
        note(
          `${h.steps.length - d.maxSteps} further step(s) did not fit on this card: see knowledge-base entry ${h.id}.`,
        ),
      );
  }

  if (h.verify) {
    body.push(heading('How to verify'));
    body.push(...sharedMarkdownBlocks(truncate(h.verify, d.verifyChars)));
  }

  if (view.codes?.length) {
    body.push(heading('Codes in this case'));
    body.push({
      type: 'FactSet',
      facts: view.codes
        .slice(0, 10)
        .map((c) => ({ title: c.canonical, value: truncate(`${c.name}: ${c.message}`, 200) })),
    });
  }

  if (h.references.length > 0) {
    more.push(heading('References'));
    for (const r of h.references.slice(0, 8)) more.push(referenceBlock(r));
  }

  if (more.length > 0) {
    body.push({ type: 'Container', id: MORE_ID, isVisible: false, items: more });
    body.push({
      type: 'ActionSet',
      actions: [
        { type: 'Action.ToggleVisibility', title: BUTTON_TITLES.show_more, targetElements: [MORE_ID] },
      ],
    });
  }

  return card(body, causeActions(view), `${causeHeading(view)}: ${h.title}. ${confidenceInWords(h)}`);
}

function causeActions(view: CauseView): CardAction[] {
  const causeId = view.hypothesis.id;
  const actions: CardAction[] = [
    submitAction(BUTTON_TITLES.fixed, { action: 'fixed', causeId }),
    submitAction(BUTTON_TITLES.not_it, { action: 'not_it', causeId }),
  ];
  if (view.total > 1) actions.push(submitAction(BUTTON_TITLES.show_all, { action: 'show_all' }));
  actions.push(submitAction(BUTTON_TITLES.escalate, { action: 'escalate', causeId }));
  if (view.reportUrl) actions.push({ type: 'Action.OpenUrl', title: BUTTON_TITLES.report, url: view.reportUrl });
  return actions;
}

function confidenceBlock(h: Hypothesis): TextBlock {
  const color =
    h.confidenceLabel === 'high' ? 'Good' : h.confidenceLabel === 'medium' ? 'Warning' : undefined;
  return color
    ? { type: 'TextBlock', text: confidenceInWords(h), wrap: true, color }
    : { type: 'TextBlock', text: confidenceInWords(h), wrap: true };
}

/** "fr000041.xml, event 14: ... — what it means", the excerpt in monospace beneath it. RichText: no Markdown surprises. */
function citationBlock(e: CitedEvidence, d: Detail): CardElement {
  const block = citationLine(e);
  if (d.excerptChars === 0 || !e.excerpt || e.citation.includes(e.excerpt)) return block;
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      block,
      {
        type: 'TextBlock',
        text: truncate(e.excerpt, d.excerptChars),
        fontType: 'Monospace',
        wrap: true,
        isSubtle: true,
        size: 'Small',
      },
    ],
  };
}

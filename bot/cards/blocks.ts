// Small element builders shared by the cards, and the card envelope.
import type { CitedEvidence } from '../../knowledge/types.js';
import {
  CARD_SCHEMA,
  CARD_VERSION,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type TextBlock,
  type TextRun,
} from './card-types.js';
import { truncate } from './rich-text.js';

export function heading(text: string): TextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

export function title(text: string): TextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

export function note(text: string): TextBlock {
  return { type: 'TextBlock', text, isSubtle: true, wrap: true, size: 'Small' };
}

export function plain(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true };
}

export function card(body: CardElement[], actions: CardAction[], fallbackText: string): AdaptiveCard {
  const c: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body };
  if (actions.length > 0) c.actions = actions;
  c.fallbackText = fallbackText;
  return c;
}

/** "fr000041.xml, event 14: ... — what it means" as one RichText line: no Markdown surprises in cited text. */
export function citationLine(e: CitedEvidence): CardElement {
  const inlines: TextRun[] = [{ type: 'TextRun', text: `• ${truncate(e.citation, 300)}` }];
  if (e.meaning) inlines.push({ type: 'TextRun', text: ` — ${truncate(e.meaning, 200)}`, isSubtle: true });
  return { type: 'RichTextBlock', inlines, spacing: 'Small' };
}

/** A reference as a Markdown link; brackets in its title would break the link. */
export function markdownLink(r: { title: string; url: string }): string {
  return `[${r.title.replace(/[[\]]/g, '')}](${r.url})`;
}

export function referenceBlock(r: { title: string; url: string }): TextBlock {
  return { type: 'TextBlock', text: markdownLink(r), wrap: true, spacing: 'Small' };
}

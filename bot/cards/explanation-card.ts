// An answer to "what is X" / "how do I Y" from the knowledge base: the short answer on the card, the rest of the
// entry behind "Show more", references as links.
import { card, heading, note, referenceBlock, title } from './blocks.js';
import { BUTTON_TITLES } from './card-actions.js';
import { fitToBudget, MARKDOWN_BUDGET_CHARS } from './card-size.js';
import type { CardElement, FactSet, Reply } from './card-types.js';
import { markdownBlocks, truncate } from './rich-text.js';

export interface ExplanationView {
  title: string;
  /** The short answer (a concept's first paragraph, a decoded code's message). */
  summary: string;
  /** The rest, as Markdown. */
  details?: string;
  facts?: FactSet['facts'];
  references?: { title: string; url: string }[];
  /** Titles of related knowledge-base entries. */
  related?: string[];
  /** Where the answer came from ("knowledge base: concept-spn"). */
  source: string;
}

const DETAIL_CHARS = [12_000, 6000, 3000, 1200, 0] as const;
const MORE_ID = 'more';

export function explanationReply(view: ExplanationView): Reply {
  const build = (detailChars: number) => {
    const body: CardElement[] = [title(view.title), ...markdownBlocks(truncate(view.summary, 2000))];
    if (view.facts?.length)
      body.push({
        type: 'FactSet',
        facts: view.facts.slice(0, 12).map((f) => ({ title: f.title, value: truncate(f.value, 300) })),
      });
    const more: CardElement[] = [];
    if (view.details && detailChars > 0) more.push(...markdownBlocks(truncate(view.details, detailChars)));
    if (view.related?.length) more.push(heading('Related'), note(view.related.slice(0, 10).join('; ')));
    if (view.references?.length) {
      more.push(heading('References'));
      for (const r of view.references.slice(0, 8)) more.push(referenceBlock(r));
    }
    if (more.length) {
      body.push({ type: 'Container', id: MORE_ID, isVisible: false, items: more });
      body.push({
        type: 'ActionSet',
        actions: [
          { type: 'Action.ToggleVisibility', title: BUTTON_TITLES.show_more, targetElements: [MORE_ID] },
        ],
      });
    }
    body.push(note(`Source: ${view.source}`));
    return card(body, [], `${view.title}: ${truncate(view.summary, 200)}`);
  };
  const lines = [`**${view.title}**`, '', view.summary];
  if (view.facts?.length) lines.push('', ...view.facts.map((f) => `- ${f.title}: ${f.value}`));
  if (view.details) lines.push('', view.details);
  if (view.related?.length) lines.push('', `Related: ${view.related.join('; ')}`);
  if (view.references?.length) lines.push('', ...view.references.map((r) => `- [${r.title}](${r.url})`));
  lines.push('', `_Source: ${view.source}_`);
  return {
    card: fitToBudget(DETAIL_CHARS, build),
    markdown: truncate(lines.join('\n'), MARKDOWN_BUDGET_CHARS),
  };
}

// The same content as the cause card, as Markdown for channels without Adaptive Cards: every citation and every
// step, commands kept in backticks. Only excerpts are dropped when the message would grow past the channel limit.
import type { Hypothesis } from '../../knowledge/types.js';
import { BUTTON_TITLES } from './card-actions.js';
import { MARKDOWN_BUDGET_CHARS } from './card-size.js';
import { causeHeading, type CauseView } from './cause-card.js';
import { confidenceInWords } from './confidence-words.js';
import { truncate } from './rich-text.js';

export function causeMarkdown(view: CauseView): string {
  const withExcerpts = render(view, true);
  if (withExcerpts.length <= MARKDOWN_BUDGET_CHARS) return withExcerpts;
  return truncate(render(view, false), MARKDOWN_BUDGET_CHARS);
}

/** A numbered Markdown list item whose continuation lines (code blocks, paragraphs) stay inside the item. */
export function numberedItem(n: number, text: string): string {
  const [first, ...rest] = text.split('\n');
  return [`${n}. ${first}`, ...rest.map((l) => (l.trim() ? `   ${l}` : ''))].join('\n');
}

function render(view: CauseView, excerpts: boolean): string {
  const h: Hypothesis = view.hypothesis;
  const out: string[] = [`_${causeHeading(view)}_`, '', `**${h.title}**`, '', confidenceInWords(h)];
  if (h.evidence.length) {
    out.push('', '**Evidence**', '');
    for (const e of h.evidence) {
      out.push(`- ${e.citation}${e.meaning ? ` — ${e.meaning}` : ''}`);
      if (excerpts && e.excerpt && !e.citation.includes(e.excerpt))
        out.push(`  \`${e.excerpt.replace(/`/g, "'").replace(/\s*\n\s*/g, ' ')}\``);
    }
  }
  if (h.explanation) out.push('', '**Why it happens**', '', h.explanation);
  if (h.steps.length)
    out.push('', '**Fix, step by step**', '', ...h.steps.map((s, i) => numberedItem(i + 1, s)));
  if (h.verify) out.push('', '**How to verify**', '', h.verify);
  if (view.codes?.length)
    out.push(
      '',
      '**Codes in this case**',
      '',
      ...view.codes.map((c) => `- \`${c.canonical}\` ${c.name}: ${c.message}`),
    );
  if (h.references.length)
    out.push('', '**References**', '', ...h.references.map((r) => `- [${r.title}](${r.url})`));
  if (view.reportUrl) out.push('', `[${BUTTON_TITLES.report}](${view.reportUrl})`);
  const replies = [
    BUTTON_TITLES.fixed,
    BUTTON_TITLES.not_it,
    ...(view.total > 1 ? [BUTTON_TITLES.show_all] : []),
    BUTTON_TITLES.escalate,
  ];
  out.push('', `Reply: ${replies.map((r) => `"${r}"`).join(', ')}.`);
  return out.join('\n');
}

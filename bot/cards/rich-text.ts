// Knowledge-base Markdown (inline `code`, **bold**, links, fenced blocks) as Adaptive Card elements. TextBlock
// Markdown has no code spans, so commands become Monospace TextRuns in a RichTextBlock, fenced blocks Monospace
// TextBlocks: the user can see exactly what to type.
import type { CardElement, RichTextBlock, TextRun } from './card-types.js';

const ELLIPSIS = '…';

/** Cuts at a word boundary near `max` characters and marks the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}${ELLIPSIS}`;
}

/** Inline Markdown to runs: `code` -> Monospace, **bold** -> Bolder, [title](url) -> "title (url)". */
export function inlineRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:[^)\s]+)\)/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) runs.push({ type: 'TextRun', text: text.slice(last, m.index) });
    if (m[1] !== undefined) runs.push({ type: 'TextRun', text: m[1], fontType: 'Monospace' });
    else if (m[2] !== undefined) runs.push({ type: 'TextRun', text: m[2], weight: 'Bolder' });
    else runs.push({ type: 'TextRun', text: `${m[3]} (${m[4]})` });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ type: 'TextRun', text: text.slice(last) });
  return runs.filter((r) => r.text.length > 0);
}

function paragraph(text: string, prefix: string): RichTextBlock {
  const runs = inlineRuns(text);
  if (prefix) runs.unshift({ type: 'TextRun', text: prefix, weight: 'Bolder' });
  return {
    type: 'RichTextBlock',
    inlines: runs.length ? runs : [{ type: 'TextRun', text: prefix || ' ' }],
    spacing: 'Small',
  };
}

/**
 * A block of Markdown (one fix step, one explanation) as card elements: paragraphs as RichTextBlocks, fenced code
 * as Monospace TextBlocks. `prefix` ("1. ") goes in front of the first paragraph.
 */
export function markdownBlocks(text: string, prefix = ''): CardElement[] {
  const out: CardElement[] = [];
  let pending = prefix;
  const parts = text.split(/^\s*```[^\n]*\n?/m);
  parts.forEach((part, i) => {
    const inFence = i % 2 === 1;
    const body = part.replace(/\s+$/, '');
    if (!body.trim()) return;
    if (inFence) {
      if (pending) out.push(paragraph('', pending));
      pending = '';
      out.push({ type: 'TextBlock', text: body, wrap: true, fontType: 'Monospace', spacing: 'Small' });
      return;
    }
    for (const para of body.split(/\n\s*\n/)) {
      for (const line of paragraphLines(para)) {
        const head = /^#{1,6}\s+(.*)$/.exec(line);
        if (head)
          out.push({ type: 'TextBlock', text: head[1], weight: 'Bolder', wrap: true, spacing: 'Small' });
        else out.push(paragraph(line, pending));
        pending = '';
      }
    }
  });
  if (pending) out.push(paragraph('', pending));
  return out;
}

/**
 * Joins a paragraph's wrapped lines into one, but keeps list items, table rows and headings on lines of their own
 * (a table row reads "cell | cell"; the |---| separator line is dropped).
 */
function paragraphLines(para: string): string[] {
  const lines: string[] = [];
  for (const raw of para.split('\n')) {
    const line = raw.trim();
    if (!line || /^\|?\s*:?-{3,}/.test(line)) continue;
    const table = line.startsWith('|');
    const own = table || /^([-*+]|\d+[.)])\s+/.test(line) || line.startsWith('#');
    const text = table
      ? line
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim())
          .join(' | ')
      : line;
    if (own || lines.length === 0) lines.push(text);
    else lines[lines.length - 1] += ` ${text}`;
  }
  return lines;
}

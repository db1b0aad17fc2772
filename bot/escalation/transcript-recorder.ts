// What goes into a conversation's transcript: the user's messages and the bot's replies, redacted, one line each.
// A card is recorded by its headline (its fallbackText: the cause, its rank and confidence; the question; the
// concept), which is what an engineer reading the conversation needs: the packet carries the causes in full. A card
// without one is recorded by its text blocks.
import type { Activity } from 'botbuilder';
import { cleanText } from './packet/index.js';
import type { TranscriptEntry } from './types.js';

const MAX_ENTRY_CHARS = 2000;

function cardHeadline(content: unknown): string | undefined {
  const headline = (content as { fallbackText?: unknown } | null)?.fallbackText;
  return typeof headline === 'string' && headline.trim() ? headline : undefined;
}

/**
 * A card's text blocks, in document order, until there is enough for the entry: twice its length, so the
 * redaction that runs on the joined text still sees whole secrets around the point where the entry is cut.
 */
function cardText(content: unknown): string {
  const texts: string[] = [];
  if (content && typeof content === 'object') collectTexts(content, { texts, chars: 0 });
  return texts.join(' ');
}

const ENOUGH_CARD_CHARS = 2 * MAX_ENTRY_CHARS;

interface Collected {
  texts: string[];
  chars: number;
}

/** Every TextBlock's and TextRun's text outside the actions (recursion only into objects), until there is enough. */
function collectTexts(node: object, into: Collected): void {
  if (into.chars >= ENOUGH_CARD_CHARS) return;
  if (Array.isArray(node)) {
    for (const item of node as unknown[]) if (item && typeof item === 'object') collectTexts(item, into);
    return;
  }
  const o = node as Record<string, unknown>;
  if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') add(into, o.text);
  for (const key of Object.keys(o)) {
    const value = o[key];
    if (key !== 'actions' && value && typeof value === 'object') collectTexts(value, into);
  }
}

function add(into: Collected, text: string): void {
  into.texts.push(text);
  into.chars += text.length + 1;
}

export function transcriptEntry(activity: Partial<Activity>, from: TranscriptEntry['from'], at: Date): TranscriptEntry | undefined {
  if (activity.type !== 'message') return undefined;
  const parts = [activity.text ?? ''];
  for (const att of activity.attachments ?? []) {
    if (/^application\/vnd\.microsoft\.card\.adaptive$/i.test(att.contentType ?? '')) parts.push(`[card] ${cardHeadline(att.content) ?? cardText(att.content)}`);
    else if (att.name) parts.push(`[file ${att.name}]`);
  }
  if (activity.value !== undefined && !activity.text) parts.push(`[button] ${JSON.stringify(activity.value).slice(0, 200)}`);
  const text = cleanText(parts.filter(Boolean).join('\n'), MAX_ENTRY_CHARS);
  return text ? { at: at.toISOString(), from, text } : undefined;
}

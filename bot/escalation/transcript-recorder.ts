// What goes into a conversation's transcript: the user's messages and the bot's replies, redacted, one line each
// (a card is recorded by its text blocks).
import type { Activity } from 'botbuilder';
import { isSharedBlock } from '../cards/index.js';
import { cleanText } from './packet/index.js';
import type { TranscriptEntry } from './types.js';

const MAX_ENTRY_CHARS = 2000;

function cardText(content: unknown): string {
  const texts: string[] = [];
  if (content && typeof content === 'object') collectTexts(content, texts);
  return texts.join(' ');
}

/** Texts of elements shared between cards (frozen, so their texts cannot change): collected once each. */
const sharedTexts = new WeakMap<object, string[]>();

/** Every TextBlock's and TextRun's text, in document order, outside the actions (recursion only into objects). */
function collectTexts(node: object, texts: string[]): void {
  if (isSharedBlock(node)) {
    let own = sharedTexts.get(node);
    if (!own) {
      own = [];
      collectOwnTexts(node, own);
      sharedTexts.set(node, own);
    }
    for (const t of own) texts.push(t);
    return;
  }
  collectOwnTexts(node, texts);
}

function collectOwnTexts(node: object, texts: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node as unknown[]) if (item && typeof item === 'object') collectTexts(item, texts);
    return;
  }
  const o = node as Record<string, unknown>;
  if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') texts.push(o.text);
  for (const key of Object.keys(o)) {
    const value = o[key];
    if (key !== 'actions' && value && typeof value === 'object') collectTexts(value, texts);
  }
}

export function transcriptEntry(activity: Partial<Activity>, from: TranscriptEntry['from'], at: Date): TranscriptEntry | undefined {
  if (activity.type !== 'message') return undefined;
  const parts = [activity.text ?? ''];
  for (const att of activity.attachments ?? []) {
    if (/^application\/vnd\.microsoft\.card\.adaptive$/i.test(att.contentType ?? '')) parts.push(`[card] ${cardText(att.content)}`);
    else if (att.name) parts.push(`[file ${att.name}]`);
  }
  if (activity.value !== undefined && !activity.text) parts.push(`[button] ${JSON.stringify(activity.value).slice(0, 200)}`);
  const text = cleanText(parts.filter(Boolean).join('\n'), MAX_ENTRY_CHARS);
  return text ? { at: at.toISOString(), from, text } : undefined;
}

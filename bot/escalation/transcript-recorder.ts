// What goes into a conversation's transcript: the user's messages and the bot's replies, redacted, one line each
// (a card is recorded by its text blocks).
import type { Activity } from 'botbuilder';
import { cleanText } from './packet/index.js';
import type { TranscriptEntry } from './types.js';

const MAX_ENTRY_CHARS = 2000;

function cardText(content: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') texts.push(o.text);
      if (o.type === 'TextRun' && typeof o.text === 'string') texts.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== 'actions') walk(v);
    }
  };
  walk(content);
  return texts.join(' ');
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

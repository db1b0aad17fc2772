// Facts stated in the user's own words: the codes, statuses and event ids they typed or pasted.
import { findCodes } from '../codes/index.js';
import { parseText, withoutToolRows } from '../ingest/text/index.js';
import { MESSAGE_MEMO, TextMemo } from './lru.js';
import { evidenceFromFragments, logRowSpans } from './pasted-fragments.js';
import type { Evidence } from '../types.js';

export const MESSAGE_SOURCE = 'message';

/** What one message states, before it is placed in the conversation (its source line is set per case). */
const perMessage = new TextMemo<Evidence[]>(MESSAGE_MEMO);

/** Evidence derived from each message; derived again on every diagnosis, so the Case stores only the words. */
export function evidenceFromTexts(texts: string[]): Evidence[] {
  const out: Evidence[] = [];
  texts.forEach((text, index) => {
    const derived = perMessage.getOrCompute(text, () => evidenceFromMessage(text));
    for (const e of derived) out.push({ ...e, source: { ...e.source, line: index + 1 } });
  });
  return out;
}

/**
 * The messages as corrected by later ones: what a correcting message says is not the case ("sorry, it's 401.2 not
 * 401.1") is taken out of the messages before it, so neither its code nor a signature quoting it counts. The same
 * array when nothing was corrected.
 */
export function withCorrections(texts: string[]): string[] {
  let out = texts;
  for (let j = texts.length - 1; j > 0; j--) {
    if (!CORRECTION.test(texts[j])) continue;
    const retracted = retractions.getOrCompute(texts[j], () => retractedBy(texts[j]));
    if (retracted.size === 0) continue;
    for (let i = 0; i < j; i++) {
      const corrected = withoutMentions(out[i], retracted);
      if (corrected !== out[i]) {
        if (out === texts) out = [...texts];
        out[i] = corrected;
      }
    }
  }
  return out;
}

function mentionKey(mention: ReturnType<typeof findCodes>[number]): string | undefined {
  if (mention.decoded.family === 'event') return undefined;
  if (mention.decoded.family !== 'http') return `code=${mention.decoded.canonical}`;
  const m = /(\d{3})(?:\.(\d{1,3}))?/.exec(mention.input);
  return m ? `http.status=${m[1]}.${m[2] ?? '0'}` : undefined;
}

function withoutMentions(text: string, retracted: ReadonlySet<string>): string {
  let out = '';
  let from = 0;
  for (const mention of findCodes(text)) {
    const key = mentionKey(mention);
    if (!key || !retracted.has(key)) continue;
    out += `${text.slice(from, mention.start)}(corrected)`;
    from = mention.end;
  }
  return from === 0 ? text : out + text.slice(from);
}

const retractions = new TextMemo<ReadonlySet<string>>(MESSAGE_MEMO);
/** A message that corrects an earlier one: "sorry", "actually", "I meant", or "X, not Y". */
const CORRECTION = /\b(?:sorry|actually|correction|i meant|my bad|typo|mistake|wrong(?:ly)?)\b|\b\d{3}\.\d{1,3},?\s+not\s+(?:an?\s+)?\d{3}/i;

/** The statuses and codes a correcting message says are not the case ("not 401.1"), as evidence key=value. */
function retractedBy(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const mention of findCodes(text)) {
    if (!NEGATED_MENTION.test(text.slice(Math.max(0, mention.start - 30), mention.start))) continue;
    const key = mentionKey(mention);
    if (key) out.add(key);
  }
  return out;
}

/**
 * A code or status the user says is absent ("no 500.19", "not a 401", "without 0x80070005") is not evidence of it.
 * "error no 1326" is a number, not a negation.
 */
const NEGATED_MENTION = /(?<!\b(?:error|err|code|event|fehler|status|hresult|win32)\s+)\b(?:no|not|never|without|isn'?t|wasn'?t|aren'?t|weren'?t)[^\S\r\n]+(?:(?:an?|any|the|more|longer)[^\S\r\n]+)?$/i;

function evidenceFromMessage(message: string): Evidence[] {
  const out: Evidence[] = [];
  // Codes and log rows are read from the user's words; pasted tool output gives its facts through parseText below.
  const text = withoutToolRows(message);
  const source = { file: MESSAGE_SOURCE };
  const rowSpans = logRowSpans(text);
  let span = 0;
  for (const mention of findCodes(text)) {
    if (NEGATED_MENTION.test(text.slice(Math.max(0, mention.start - 30), mention.start))) continue;
    // Pasted W3C rows are read by evidenceFromFragments, which knows a handshake from a failure. Mentions come in
    // text order, and so do the spans.
    while (span < rowSpans.length && rowSpans[span][1] <= mention.start) span++;
    if (span < rowSpans.length && mention.start >= rowSpans[span][0]) continue;
    const excerpt = excerptAround(text, mention.start, mention.end);
    const family = mention.decoded.family;
    if (family === 'http') {
      const m = /(\d{3})(?:\.(\d{1,3}))?/.exec(mention.input);
      if (!m) continue;
      const [, status, sub = '0'] = m;
      out.push({ kind: 'status', key: 'http.status', value: `${status}.${sub}`, source, excerpt });
    } else if (family === 'event') {
      const id = /(\d{1,5})\D*$/.exec(mention.input)?.[1];
      if (!id) continue;
      out.push({ kind: 'event', key: 'event', value: id, source, excerpt, attrs: {} });
    } else {
      out.push({ kind: 'code', key: 'code', value: mention.decoded.canonical, source, excerpt });
    }
  }
  out.push(...evidenceFromFragments(text, 0, source));
  // The text parser's recognised phrases (exception types, "Login failed for user ...") apply to typed words too.
  // Events copied as text keep their fields (LogonType, SubStatus...) and quoted configuration its settings; their
  // codes are the message's codes above.
  for (const e of parseText(MESSAGE_SOURCE, message).evidence) if (e.kind === 'fact' || e.kind === 'event' || e.kind === 'config') out.push({ ...e, source });
  return out;
}

/** A short window of the message around a match, for citing it. */
export function excerptAround(text: string, start: number, end: number, radius = 40): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

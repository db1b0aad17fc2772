// Facts stated in the user's own words: the codes, statuses and event ids they typed or pasted.
import { canonicalCode, findCodes } from '../codes/index.js';
import type { Evidence } from '../types.js';

export const MESSAGE_SOURCE = 'message';

/** Evidence derived from each message; derived again on every diagnosis, so the Case stores only the words. */
export function evidenceFromTexts(texts: string[]): Evidence[] {
  const out: Evidence[] = [];
  texts.forEach((text, index) => {
    for (const mention of findCodes(text)) {
      const source = { file: MESSAGE_SOURCE, line: index + 1 };
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
    out.push(...pastedLogRows(text, index + 1));
  });
  return out;
}

// A W3C log row pasted into a message ends with "status substatus win32-status time-taken" after a request line.
const w3cRowTail = /\b(?:GET|POST|HEAD|PUT|DELETE|OPTIONS|PROPFIND|PATCH)\s+\/\S*.*?\s([1-5]\d\d)\s+(\d{1,3})\s+(\d{1,10})\s+\d{1,9}\s*$/;

/** Status and win32 evidence from W3C rows pasted into a message (one per distinct status.substatus.win32). */
function pastedLogRows(text: string, messageIndex: number): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && seen.size < 20; i++) {
    const line = lines[i].length > 2000 ? '' : lines[i];
    const m = w3cRowTail.exec(line);
    if (!m) continue;
    const [, status, sub, win32] = m;
    const key = `${status}.${sub}.${win32}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const source = { file: MESSAGE_SOURCE, line: messageIndex };
    const excerpt = line.trim().slice(0, 200);
    out.push({ kind: 'status', key: 'http.status', value: `${status}.${sub}`, source, excerpt, attrs: { win32 } });
    const code = win32 !== '0' ? canonicalCode(win32, 'win32') : null;
    if (code) out.push({ kind: 'code', key: 'code', value: code, source, excerpt });
  }
  return out;
}

/** A short window of the message around a match, for citing it. */
export function excerptAround(text: string, start: number, end: number, radius = 40): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

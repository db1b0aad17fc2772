// Redacts secrets in the raw text of a config file, tag by tag, with the same policy as the evidence
// (secrets.ts), so commented-out elements are cleaned too. Entities in values are decoded for the decision only.
import { bump } from '../redact/index.js';
import { judgeAttribute } from './secrets.js';

const TAG = /<([A-Za-z_][\w.:-]*)(\s[^<>]*?)?(\/?)>/g;
const ATTR = /([A-Za-z_][\w.:-]*)(\s*=\s*)("[^"]*"|'[^']*')/g;

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function encodeFor(quote: string, s: string): string {
  const amp = s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? amp.replace(/"/g, '&quot;') : amp.replace(/'/g, '&apos;');
}

/** The text with secret attribute values replaced by [redacted]; counts by kind. */
export function redactConfigText(text: string): { text: string; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  const out = text.replace(TAG, (tag: string, name: string, attrText: string | undefined, close: string) => {
    if (!attrText) return tag;
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    const attrs: Record<string, string> = {};
    for (const m of attrText.matchAll(ATTR)) attrs[m[1]] = decodeEntities(m[3].slice(1, -1));
    const rewritten = attrText.replace(ATTR, (whole: string, attr: string, eq: string, quoted: string) => {
      const verdict = judgeAttribute(local, attr, decodeEntities(quoted.slice(1, -1)), attrs);
      if (!verdict.kind) return whole;
      bump(counts, verdict.kind, verdict.count);
      return `${attr}${eq}${quoted[0]}${encodeFor(quoted[0], verdict.value)}${quoted[0]}`;
    });
    return `<${name}${rewritten}${close}>`;
  });
  return { text: out, counts };
}

// The knowledge-base part of a report, stored once. Every report that shows a cause carries the same title,
// explanation, fix steps, verification and references: most of its bytes. Each distinct set is kept as its own
// storage item under a key derived from its content ("support-report-kb/<sha256>"), written with the first report
// that needs it, and reports refer to it by that key. An edited knowledge base gives new content under new keys, so
// a report still shows exactly what it showed when it was made.
import { createHash } from 'node:crypto';
import type { Hypothesis } from '../../knowledge/types.js';

export const CONTENT_KEY_PREFIX = 'support-report-kb/';

/** What a hypothesis takes from its knowledge-base entry. */
export type HypothesisContent = Pick<Hypothesis, 'title' | 'explanation' | 'steps' | 'verify' | 'references'>;

/** A hypothesis as a report stores it: its own part, and the key of its knowledge-base part. */
export type StoredHypothesis = Omit<Hypothesis, keyof HypothesisContent> & { content: string };

interface Split {
  own: Omit<Hypothesis, keyof HypothesisContent>;
  content: HypothesisContent;
}

function split(h: Hypothesis): Split {
  const { title, explanation, steps, verify, references, ...own } = h;
  return { own, content: { title, explanation, steps, verify, references } };
}

/** Keys already worked out, by the knowledge base's own steps array: the same cause shown again is not re-hashed. */
const keys = new WeakMap<readonly string[], { content: HypothesisContent; key: string }>();

function sameContent(a: HypothesisContent, b: HypothesisContent): boolean {
  return a.title === b.title && a.explanation === b.explanation && a.steps === b.steps && a.verify === b.verify && a.references === b.references;
}

/** The content's storage key (its hash: the same content always has the same key). */
export function contentKey(content: HypothesisContent): string {
  const known = Array.isArray(content.steps) ? keys.get(content.steps) : undefined;
  if (known && sameContent(known.content, content)) return known.key;
  const key = CONTENT_KEY_PREFIX + createHash('sha256').update(JSON.stringify(content)).digest('base64url');
  if (Array.isArray(content.steps)) keys.set(content.steps, { content, key });
  return key;
}

/** A hypothesis for storage: its own fields and a content key, with the content to store under that key. */
export function storedHypothesis(h: Hypothesis): { stored: StoredHypothesis; key: string; content: HypothesisContent } {
  const { own, content } = split(h);
  const key = contentKey(content);
  return { stored: { ...own, content: key }, key, content };
}

/** The hypothesis again, from its stored form and its content; undefined when the content is missing. */
export function resolvedHypothesis(stored: StoredHypothesis, contents: Record<string, unknown>): Hypothesis | undefined {
  const content = contents[stored.content] as (HypothesisContent & { eTag?: string }) | undefined;
  if (!content) return undefined;
  const { content: _key, ...own } = stored;
  const { eTag: _eTag, ...fields } = content;
  return { ...own, ...fields };
}

export function isStoredHypothesis(h: unknown): h is StoredHypothesis {
  return typeof (h as { content?: unknown } | null)?.content === 'string';
}

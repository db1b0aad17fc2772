// Card elements built from knowledge-base text (a cause's explanation, fix steps, how to verify) are the same for
// every case that shows the cause, so they are built once and shared between cards. Shared elements are deeply
// frozen, which is what lets measuring a card (json-size.ts) and reading its text (the transcript) remember their
// result per element.
import type { CardElement } from './card-types.js';
import { markdownBlocks } from './rich-text.js';

/** Knowledge-base texts kept: far more than the knowledge base has (causes x levels x parts), bounded all the same. */
const CACHE_LIMIT = 4000;
const cache = new Map<string, readonly CardElement[]>();
const shared = new WeakSet<object>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !shared.has(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
    shared.add(value);
  }
  return value;
}

/** True for an object built by sharedMarkdownBlocks: frozen, and so is everything in it. */
export function isSharedBlock(value: object): boolean {
  return shared.has(value);
}

/** markdownBlocks of knowledge-base text (never user text: that is not worth keeping), built once and shared. */
export function sharedMarkdownBlocks(kbText: string, prefix = ''): readonly CardElement[] {
  const key = `${prefix}\u0000${kbText}`;
  let blocks = cache.get(key);
  if (!blocks) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    blocks = deepFreeze(markdownBlocks(kbText, prefix));
    cache.set(key, blocks);
  }
  return blocks;
}

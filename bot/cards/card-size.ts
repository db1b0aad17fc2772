// Teams refuses messages above about 28 KB, and a card's hidden ("Show more") parts count too: cards are measured
// as the UTF-8 JSON the channel receives, with room left for the activity around them.
import type { AdaptiveCard } from './card-types.js';
import { jsonBytes } from './json-size.js';

export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
/** What a card may use: the limit minus the activity envelope (ids, conversation, channel data). */
export const CARD_BUDGET_BYTES = 25 * 1024;
/** Markdown replies stay within the same message limit. */
export const MARKDOWN_BUDGET_CHARS = 20_000;

/** The card's size as the UTF-8 JSON the channel receives (counted, not serialised: see json-size.ts). */
export function cardBytes(card: AdaptiveCard): number {
  return jsonBytes(card) ?? 0;
}

/**
 * Builds with the most detailed level that fits the budget. Levels go from most to least detail; the last one is
 * used even if it were over (it is built to be small: a few lines per section).
 */
export function fitToBudget<L>(
  levels: readonly L[],
  build: (level: L) => AdaptiveCard,
  budget = CARD_BUDGET_BYTES,
): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const level of levels) {
    card = build(level);
    if (cardBytes(card) <= budget) return card;
  }
  if (!card) throw new RangeError('fitToBudget needs at least one level');
  return card;
}

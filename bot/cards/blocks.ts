// Small element builders shared by the cards, and the card envelope.
import {
  CARD_SCHEMA,
  CARD_VERSION,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type TextBlock,
} from './card-types.js';

export function heading(text: string): TextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

export function title(text: string): TextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

export function note(text: string): TextBlock {
  return { type: 'TextBlock', text, isSubtle: true, wrap: true, size: 'Small' };
}

export function plain(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true };
}

export function card(body: CardElement[], actions: CardAction[], fallbackText: string): AdaptiveCard {
  const c: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body };
  if (actions.length > 0) c.actions = actions;
  c.fallbackText = fallbackText;
  return c;
}

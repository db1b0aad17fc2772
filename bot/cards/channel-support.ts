// Which channels render Adaptive Cards; the others get the same content as Markdown.

/** Bot Framework channel ids known to render Adaptive Cards 1.5 (plus the terminal chat and the test adapter). */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'local-chat', 'test']);

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has((channelId ?? '').toLowerCase());
}

// Teams specifics: the engineers' channel reference, thread ids, and the ticket card.
export {
  channelConversationId,
  channelReferenceOf,
  isThreadConversation,
  parseChannelReference,
  threadConversationId,
  threadReference,
} from './channel-reference.js';
export { CARD_CONTENT_TYPE, parseTicketCardAction, ticketCard, type TicketCardAction } from './ticket-card.js';

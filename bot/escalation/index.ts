// Escalation: handing a case to engineers with nothing lost. Tickets in the bot's database, the handoff packet,
// the engineers' Teams channel and console, the handoff protocol, the webhook, and the relay between both sides.
export { createEscalation, type CreateEscalationOptions, type Escalation } from './create-escalation.js';
export { EscalationService, CHANNEL_SETTING, type EscalationOptions, type TicketAction } from './escalation-service.js';
export { escalationMiddleware } from './escalation-middleware.js';
export { ChannelReferenceError, DeliveryError, EscalationError, TicketInputError, TicketNotFoundError, TicketStateError, TicketStoreError } from './errors.js';
export { canMove, createdMessage, moveTo, statusMessage } from './lifecycle.js';
export { buildPacket, deepRedact, escalationTrigger, NOT_ANSWERED, packetQuestions, recordUploads, type FileCollectorLike } from './packet/index.js';
export { DEFAULT_BACKOFF, SIGNATURE_HEADER, signBody, type Backoff, type ProactiveAdapter, type WebChatAppend, type WebhookConfig } from './delivery/index.js';
export { apiKeyMatches, registerConsolePage, registerTicketRoutes } from './routes/index.js';
export { ConversationLogStore, OutboxStore, TicketStore, openEscalationDb, type SqlDb } from './store/index.js';
export { parseChannelReference, ticketCard } from './teams/index.js';
export { casesYaml, labelledCases, newCauseTickets, newCausesMarkdown } from './export/index.js';
export { publicTicket, ticketSummary, webhookBody } from './ticket-view.js';
export * from './types.js';

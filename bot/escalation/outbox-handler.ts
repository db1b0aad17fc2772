// What each outbox item does when it is due: sign and post the webhook, post the ticket card into the engineers'
// channel (remembering its thread), reply in that thread, or message the user's conversation.
import { CARD_CONTENT_TYPE, threadReference, ticketCard } from './teams/index.js';
import { deliverToUser, postWebhook, sendProactive } from './delivery/index.js';
import { DeliveryError } from './errors.js';
import type { EscalationService } from './escalation-service.js';
import { markdown } from './markdown.js';
import type { OutboxItem } from './store/index.js';
import { webhookBody } from './ticket-view.js';

export async function handleOutboxItem(service: EscalationService, item: OutboxItem): Promise<void> {
  const { options } = service;
  const ticket = await service.tickets.get(item.ticketId);
  if (!ticket) throw new DeliveryError(`ticket ${item.ticketId} is gone`, true);
  const payload = item.payload as { text?: string; event?: string };
  switch (item.kind) {
    case 'webhook': {
      if (!options.webhook) throw new DeliveryError('the webhook is no longer configured', true);
      await postWebhook(options.webhook, payload.event ?? 'ticket.updated', item.id, webhookBody(ticket, payload.event ?? 'ticket.updated', options.consoleUrl?.()));
      return;
    }
    case 'teams-card': {
      const channel = await service.engineersChannel();
      if (!channel) {
        options.log.warn('ticket card not posted: no engineers channel any more', { ticket: ticket.id });
        return;
      }
      const card = ticketCard(ticket, options.consoleUrl?.());
      const rootId = await sendProactive(options, channel, { type: 'message', attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] });
      if (!rootId) throw new DeliveryError('Teams did not return the id of the ticket card');
      const reference = threadReference(channel, rootId);
      await service.tickets.update(ticket.id, (t) => {
        t.thread = { conversationId: reference.conversation?.id ?? '', reference };
      });
      return;
    }
    case 'thread-message': {
      // Lane order guarantees the card was handled first; no thread then means there is no channel.
      if (!ticket.thread) return;
      await sendProactive(options, ticket.thread.reference, markdown(payload.text ?? ''));
      return;
    }
    case 'user-message':
      await deliverToUser(
        { adapter: options.adapter, botAppId: options.botAppId, conversations: service.conversations, webChatAppend: options.webChatAppend },
        ticket.user.reference,
        markdown(payload.text ?? ''),
      );
      return;
  }
}

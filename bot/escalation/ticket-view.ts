// The ticket as others see it: the webhook body (JSON for ticketing systems) and the list summary of the API.
import type { Ticket } from './types.js';

export interface TicketSummary {
  id: number;
  status: Ticket['status'];
  trigger: Ticket['trigger'];
  createdAt: string;
  updatedAt: string;
  takenBy?: string;
  live: boolean;
  summary: string;
  channel: string;
  topHypothesis?: string;
  messages: number;
}

export function ticketSummary(t: Ticket): TicketSummary {
  return {
    id: t.id,
    status: t.status,
    trigger: t.trigger,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    takenBy: t.takenBy,
    live: t.live,
    summary: t.packet.summary,
    channel: t.user.channelId,
    topHypothesis: t.packet.hypotheses.find((h) => h.feedback === 'not tried yet')?.title,
    messages: t.messages.length,
  };
}

/** What engineers and systems may see: no conversation references (they carry service URLs and ids of the channel). */
export function publicTicket(t: Ticket): Omit<Ticket, 'user' | 'thread' | 'version'> & { user: { channelId: string; name?: string }; inTeamsThread: boolean } {
  const { user, thread, version: _version, ...rest } = t;
  return { ...rest, user: { channelId: user.channelId, name: user.name }, inTeamsThread: Boolean(thread) };
}

export function webhookBody(t: Ticket, event: string, consoleUrl?: string): Record<string, unknown> {
  return {
    event,
    sentAt: new Date().toISOString(),
    ticket: { ...publicTicket(t), ...(consoleUrl ? { url: `${consoleUrl}#ticket-${t.id}` } : {}) },
  };
}

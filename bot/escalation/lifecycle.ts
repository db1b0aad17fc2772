// The ticket lifecycle: which status may follow which, and what the user is told at each change.
import { TicketStateError } from './errors.js';
import { ticketLabel, type Ticket, type TicketStatus } from './types.js';

const NEXT: Record<TicketStatus, TicketStatus[]> = {
  open: ['taken', 'waiting_for_user', 'resolved', 'closed'],
  taken: ['taken', 'waiting_for_user', 'resolved', 'closed'],
  waiting_for_user: ['taken', 'open', 'resolved', 'closed'],
  resolved: ['closed', 'taken'],
  closed: [],
};

export function canMove(from: TicketStatus, to: TicketStatus): boolean {
  return NEXT[from].includes(to);
}

/** Moves the ticket to `to`, stamping the history; throws TicketStateError for a move the lifecycle forbids. */
export function moveTo(ticket: Ticket, to: TicketStatus, at: string, by?: string, note?: string): void {
  if (!canMove(ticket.status, to)) throw new TicketStateError(ticket.id, `cannot go from ${ticket.status} to ${to}`);
  ticket.status = to;
  ticket.history.push({ status: to, at, ...(by ? { by } : {}), ...(note ? { note } : {}) });
  // The live chat ends with the ticket; a reopened ticket does not reopen a chat the user may have left.
  if (to === 'resolved' || to === 'closed') ticket.live = false;
}

/** What the user reads in their conversation when their ticket changes. */
export function statusMessage(ticket: Ticket, resolvedTitle?: string): string {
  const n = ticketLabel(ticket.id);
  const by = ticket.takenBy ? ` (${ticket.takenBy})` : '';
  const note = ticket.history[ticket.history.length - 1]?.note;
  switch (ticket.status) {
    case 'open':
      return `Ticket ${n} is back in the engineers' queue.`;
    case 'taken':
      return `An engineer${by} has taken ticket ${n}. What you type here now goes to them.`;
    case 'waiting_for_user':
      return `The engineer${by} is waiting for your reply on ticket ${n}${note ? `: ${note}` : '.'}`;
    case 'resolved': {
      const cause = ticket.resolution?.causeId ? `cause: ${resolvedTitle ?? ticket.resolution.causeId}` : 'a cause not yet in the knowledge base';
      return `Ticket ${n} is resolved (${cause}).${ticket.resolution?.note ? ` ${sentence(ticket.resolution.note)}` : ''} You are talking to the bot again.`;
    }
    case 'closed':
      return `Ticket ${n} is closed. You are talking to the bot again; describe a new problem any time.`;
  }
}

/** An engineer's note as a sentence, so the next sentence of the message does not run on from it. */
function sentence(note: string): string {
  return /[.!?…]$/.test(note) ? note : `${note}.`;
}

export function createdMessage(ticket: Ticket, live: boolean): string {
  const n = ticketLabel(ticket.id);
  return [
    `I have handed your case to the engineers: your ticket number is **${n}**.`,
    'They receive everything we found so far (your words, files, answers and the causes you already tried), so you will not have to repeat it.',
    live ? 'While the ticket is live, what you type here goes to the engineers. Type "end handoff" to go back to the bot.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

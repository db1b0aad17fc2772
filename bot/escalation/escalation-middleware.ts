// The adapter middleware that puts escalation in front of the dialogs: records the transcript, shows messages
// queued for the terminal chat, relays a live ticket's conversation both ways, takes the ticket card's actions and
// the "engineers here" command in Teams, and acts on handoff.status events. Everything else goes on to the bot.
import { TurnContext, type Activity, type Middleware } from 'botbuilder';
import { LOCAL_CHAT_CHANNEL_ID } from '../attachments/index.js';
import { errorContext } from '../turn-error.js';
import { EscalationError, TicketStoreError } from './errors.js';
import type { EscalationService } from './escalation-service.js';
import { markdown } from './markdown.js';
import { channelReferenceOf, isThreadConversation, parseTicketCardAction } from './teams/index.js';
import { transcriptEntry } from './transcript-recorder.js';
import type { TranscriptEntry } from './types.js';

const ENGINEERS_HERE = /^\s*engineers here[\s.!]*$/i;

function isTeamsChannel(a: Partial<Activity>): boolean {
  return a.channelId === 'msteams' && a.conversation?.conversationType === 'channel';
}

export function escalationMiddleware(service: EscalationService): Middleware {
  const { log } = service.options;
  return {
    async onTurn(context, next) {
      const a = context.activity;
      const conversationId = a.conversation?.id ?? '';
      const entries: TranscriptEntry[] = [];
      const incoming = transcriptEntry(a, 'user', new Date());
      if (incoming) entries.push(incoming);
      context.onSendActivities(async (_ctx, activities, sendNext) => {
        for (const out of activities) {
          const entry = transcriptEntry(out, 'bot', new Date());
          if (entry) entries.push(entry);
        }
        return sendNext();
      });
      try {
        if (a.channelId === LOCAL_CHAT_CHANNEL_ID) {
          const queued = await service.conversations.takeQueued(conversationId);
          if (queued.length) await context.sendActivities(queued);
        }
        if (!(await route(service, context))) await next();
      } finally {
        if (entries.length && !isTeamsChannel(a)) {
          await service.recordTranscript(conversationId, entries).catch((err: unknown) => log.warn('transcript not recorded', errorContext(err)));
        }
      }
    },
  };
}

/** True when escalation handled the turn (the dialogs do not see it). */
async function route(service: EscalationService, context: TurnContext): Promise<boolean> {
  const a = context.activity;
  if (a.type === 'event' && a.name === 'handoff.status') {
    await service.handoffStatus(context);
    return true;
  }
  if (a.type === 'conversationUpdate' && a.channelId === 'msteams' && a.channelData?.team && (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id)) {
    await context.sendActivity('To receive escalated tickets in a channel of this team, mention me there with "engineers here".');
    return false;
  }
  if (a.type !== 'message') return false;
  if (isTeamsChannel(a)) return engineersTurn(service, context);
  const live = await service.tickets.findLive(a.conversation?.id ?? '');
  if (!live) return false;
  await service.relayFromUser(context, live);
  return true;
}

/** A message in a Teams channel: the command, a ticket card's button, or a reply in a ticket's thread. */
async function engineersTurn(service: EscalationService, context: TurnContext): Promise<boolean> {
  const a = context.activity;
  // A card's button press carries no text; removeRecipientMention needs some.
  const text = typeof a.text === 'string' ? (TurnContext.removeRecipientMention(a as Activity) ?? a.text).trim() : '';
  const by = a.from?.name || 'engineer';
  try {
    if (ENGINEERS_HERE.test(text)) {
      const admins = service.options.engineersAdmins ?? [];
      if (admins.length && !admins.includes(a.from?.aadObjectId ?? '')) {
        await context.sendActivity('Only an admin of the support bot can choose the engineers\' channel.');
        return true;
      }
      await service.setEngineersChannel(channelReferenceOf(a));
      await context.sendActivity('This channel now receives escalated tickets. Reply in a ticket\'s thread to talk to the user.');
      return true;
    }
    const action = parseTicketCardAction(a.value);
    if (action) {
      const ticket =
        action.escalation === 'take'
          ? await service.act(action.ticketId, { kind: 'take', by })
          : await service.act(action.ticketId, { kind: 'resolve', by, causeId: action.causeId ?? '', note: action.note });
      service.options.log.info('ticket card action', { ticket: ticket.id, action: action.escalation });
      return true;
    }
    if (!isThreadConversation(a.conversation?.id)) return false;
    const ticket = await service.tickets.findByThread(a.conversation?.id ?? '');
    if (!ticket) return false;
    if (text) await service.act(ticket.id, { kind: 'message', by, text, via: 'teams' });
    return true;
  } catch (err) {
    // The engineer made a request the ticket cannot take (resolved already, unknown cause id): say why, in place.
    if (err instanceof EscalationError && !(err instanceof TicketStoreError)) {
      await context.sendActivity(markdown(err.message));
      return true;
    }
    throw err;
  }
}

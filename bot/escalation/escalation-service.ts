// Escalation: writes the complete ticket before the user hears its number, then relays between the user and the
// engineers (Teams thread, console, API, contact-centre hub) and walks the ticket through its lifecycle. Every
// outward delivery goes through the outbox, so none is lost to a crash or an unreachable endpoint.
import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import { diagnose, findEntry, type Case, type Diagnosis, type KnowledgeBase } from '../../knowledge/index.js';
import type { Logger } from '../log.js';
import { errorContext } from '../turn-error.js';
import { DEFAULT_BACKOFF, OutboxWorker, type Backoff, type ProactiveAdapter, type WebChatAppend, type WebhookConfig } from './delivery/index.js';
import { TicketInputError, TicketStateError } from './errors.js';
import { createdMessage, moveTo, statusMessage } from './lifecycle.js';
import { markdown } from './markdown.js';
import { transcriptEntry } from './transcript-recorder.js';
import { handleOutboxItem } from './outbox-handler.js';
import { buildPacket, cleanText } from './packet/index.js';
import { ConversationLogStore, OutboxStore, TicketStore, type OutboxDraft, type SqlDb } from './store/index.js';
import { parseChannelReference } from './teams/index.js';
import { ticketLabel, type ConversationRef, type Ticket, type TicketDraft, type TicketMessage, type TranscriptEntry } from './types.js';

export interface EscalationOptions {
  kb: KnowledgeBase;
  db: SqlDb;
  adapter: ProactiveAdapter;
  /** MicrosoftAppId ('' in local mode). */
  botAppId: string;
  log: Logger;
  webhook?: WebhookConfig;
  /** ENGINEERS_CHANNEL; a channel captured by "engineers here" takes precedence. */
  engineersChannel?: ConversationRef;
  /** AAD object ids allowed to run "engineers here"; empty: any member of a team channel the bot is in. */
  engineersAdmins?: string[];
  /** Also send Bot Framework's handoff.initiate event to the user's conversation (for contact-centre hubs). */
  handoffEvents?: boolean;
  webChatAppend?: WebChatAppend;
  /** Creates the report page for the case; its URL goes into the packet. */
  createReportLink?: (c: Case, d: Diagnosis) => Promise<string>;
  /** The engineers' console URL (for links in cards and webhooks), once the server knows where it listens. */
  consoleUrl?: () => string | undefined;
  backoff?: Backoff;
  now?: () => number;
}

export type TicketAction =
  | { kind: 'take'; by: string }
  | { kind: 'wait'; by: string; note?: string }
  | { kind: 'resolve'; by: string; causeId: string; note?: string }
  | { kind: 'close'; by: string; note?: string }
  | { kind: 'message'; by: string; text: string; via: TicketMessage['via'] };

export const CHANNEL_SETTING = 'engineers-channel';
/** Relayed messages kept on a ticket (older ones stay in the transcript of each side). */
const MAX_TICKET_MESSAGES = 500;
// "cancel" and "start over" end the live chat too: they are what people type to get the bot back, and the ticket stays.
const END_HANDOFF = /^\s*(?:(?:end|stop|leave|exit|quit)( the)? (handoff|live chat|chat with (the )?engineers?)|cancel|start over|restart|(?:back to|talk to) the bot)[\s.!]*$/i;

export class EscalationService {
  readonly tickets: TicketStore;
  readonly outbox: OutboxStore;
  readonly conversations: ConversationLogStore;
  readonly worker: OutboxWorker;
  private readonly now: () => number;

  constructor(readonly options: EscalationOptions) {
    this.now = options.now ?? Date.now;
    this.tickets = new TicketStore(options.db, this.now);
    this.outbox = new OutboxStore(options.db);
    this.conversations = new ConversationLogStore(options.db);
    this.worker = new OutboxWorker({
      outbox: this.outbox,
      handle: (item) => handleOutboxItem(this, item),
      log: options.log,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      // The webhook is retried until it answers; a user or channel that cannot be reached is given up eventually.
      maxAttempts: { user: 25, engineers: 25 },
      now: this.now,
    });
  }

  /** Starts the outbox worker (resuming what a previous run left undelivered). */
  start(): void {
    this.worker.start();
  }

  async close(): Promise<void> {
    await this.worker.close();
  }

  /** The `escalate` hook of dialogs/services.ts: ticket first, then the user hears its number. */
  readonly escalate = async (context: TurnContext, c: Case): Promise<void> => {
    const a = context.activity;
    const conversationId = a.conversation?.id ?? '';
    const existing = await this.tickets.findLive(conversationId);
    if (existing) {
      await context.sendActivity(markdown(`Your case is already with the engineers: ticket **${ticketLabel(existing.id)}** (${existing.status}). What you type here goes to them; type "end handoff" to go back to the bot.`));
      return;
    }
    const d = diagnose(this.options.kb, c);
    const packet = buildPacket({
      kb: this.options.kb,
      case: c,
      diagnosis: d,
      channel: a.channelId ?? 'unknown',
      // This turn is recorded after it ends: its message is added here so the transcript is complete.
      transcript: [...(await this.conversations.transcript(conversationId)), ...[transcriptEntry(a, 'user', new Date(this.now()))].filter((e) => e !== undefined)],
      uploads: await this.conversations.uploads(conversationId),
      reportUrl: await this.reportLink(c, d),
    });
    const at = this.iso();
    const draft: TicketDraft = {
      status: 'open',
      trigger: packet.trigger,
      createdAt: at,
      updatedAt: at,
      history: [{ status: 'open', at, by: 'bot', note: packet.trigger }],
      live: true,
      user: { conversationId, channelId: a.channelId ?? 'unknown', name: a.from?.name ? cleanText(a.from.name, 100) : undefined, reference: TurnContext.getConversationReference(a) },
      messages: [],
      packet,
    };
    const channel = await this.engineersChannel();
    const deliveries: OutboxDraft[] = [...(channel ? [{ kind: 'teams-card' as const, payload: {} }] : []), ...this.webhookDrafts('ticket.created')];
    // The commit point: before it, a failure is "no ticket"; after it, the ticket exists whatever happens next.
    const ticket = await this.tickets.create(draft, deliveries);
    this.options.log.info('ticket created', { ticket: ticket.id, trigger: ticket.trigger, channel: ticket.user.channelId });
    this.worker.kick();
    await this.tellUserInTurn(context, ticket, createdMessage(ticket, true));
    if (this.options.handoffEvents) await this.sendHandoffInitiation(context, ticket);
  };

  /** Applies an engineer's action; throws TicketNotFoundError / TicketStateError / TicketInputError. */
  async act(id: number, action: TicketAction): Promise<Ticket> {
    const by = cleanText(action.by, 100) || 'engineer';
    if (action.kind === 'message') return this.engineerMessage(id, by, action.text, action.via);
    let resolvedTitle: string | undefined;
    if (action.kind === 'resolve') resolvedTitle = this.checkCause(action.causeId);
    const channel = await this.engineersChannel();
    const ticket = await this.tickets.update(id, (t) => {
      const at = this.iso();
      const note = 'note' in action && action.note ? cleanText(action.note, 2000) : undefined;
      switch (action.kind) {
        case 'take':
          t.takenBy = by;
          moveTo(t, 'taken', at, by);
          break;
        case 'wait':
          moveTo(t, 'waiting_for_user', at, by, note);
          break;
        case 'resolve': {
          const causeId = isNewCause(action.causeId) ? null : action.causeId;
          t.resolution = { causeId, note, by, at };
          moveTo(t, 'resolved', at, by, note);
          break;
        }
        case 'close':
          moveTo(t, 'closed', at, by, note);
          break;
      }
      const text = statusMessage(t, resolvedTitle);
      return [{ kind: 'user-message', payload: { text } }, ...this.threadDrafts(t, channel, `${ticketLabel(t.id)}: ${t.status.replace(/_/g, ' ')} by ${by}${note ? `: ${note}` : ''}`), ...this.webhookDrafts('ticket.updated')];
    });
    this.options.log.info('ticket changed', { ticket: id, status: ticket.status });
    this.worker.kick();
    return ticket;
  }

  /** A user's message while their ticket is live: to the engineers (thread, console), or the end of the handoff. */
  async relayFromUser(context: TurnContext, ticket: Ticket): Promise<void> {
    const a = context.activity;
    const text = cleanText(a.text ?? '');
    if (END_HANDOFF.test(a.text ?? '') || (a.value as { escalation?: string } | undefined)?.escalation === 'end_handoff') {
      const channel = await this.engineersChannel();
      await this.tickets.update(ticket.id, (t) => {
        t.live = false;
        t.history.push({ status: t.status, at: this.iso(), by: 'user', note: 'user ended the live handoff' });
        return [...this.threadDrafts(t, channel, 'The user ended the live chat; the ticket stays open for you.'), ...this.webhookDrafts('ticket.updated')];
      });
      this.worker.kick();
      await context.sendActivity(markdown(`OK, you are talking to the bot again. Ticket **${ticketLabel(ticket.id)}** stays with the engineers; they can still resolve it.`));
      return;
    }
    const files = (a.attachments ?? []).filter((att) => !/^application\/vnd\.microsoft\.card\.|^text\/html$/i.test(att.contentType ?? '')).length;
    if (!text && files === 0) return;
    const relayed = [text, files ? `[the user attached ${files} file(s): files are not relayed during a live chat]` : ''].filter(Boolean).join('\n');
    const name = ticket.user.name ?? 'User';
    const channel = await this.engineersChannel();
    let firstSinceReply = false;
    await this.tickets.update(ticket.id, (t) => {
      firstSinceReply = t.messages.length === 0 || t.messages[t.messages.length - 1].from !== 'user';
      addMessage(t, { at: this.iso(), from: 'user', name, text: relayed, via: 'chat' });
      // The user answered: the ticket goes back to whoever holds it.
      if (t.status === 'waiting_for_user') moveTo(t, t.takenBy ? 'taken' : 'open', this.iso(), 'user', 'user replied');
      return this.threadDrafts(t, channel, `**${name}:** ${relayed}`);
    });
    this.worker.kick();
    if (files) await context.sendActivity('Files are not passed on during a live chat with the engineers. Type "end handoff", then send the file to the bot: it will read it and add it to your case.');
    // Once per turn of the conversation, so the user knows the message arrived while no engineer has answered yet.
    else if (firstSinceReply) await context.sendActivity(markdown(`Sent to the engineers on ticket **${ticketLabel(ticket.id)}**; their answer appears here. Type "end handoff" to go back to the bot.`));
  }

  /** Relays an engineer's message to the user's conversation (only while the ticket is live). */
  private async engineerMessage(id: number, by: string, rawText: string, via: TicketMessage['via']): Promise<Ticket> {
    const text = cleanText(rawText);
    if (!text) throw new TicketInputError('the message is empty');
    const channel = via === 'teams' ? undefined : await this.engineersChannel();
    const ticket = await this.tickets.update(id, (t) => {
      if (!t.live) throw new TicketStateError(id, 'the live chat has ended: the user is no longer connected');
      addMessage(t, { at: this.iso(), from: 'engineer', name: by, text, via });
      const drafts: OutboxDraft[] = [{ kind: 'user-message', payload: { text: `**${by} (engineer):** ${text}` } }];
      // A console message is mirrored into the Teams thread so every engineer sees the whole conversation.
      if (via !== 'teams') drafts.push(...this.threadDrafts(t, channel, `**${by} (console):** ${text}`));
      return drafts;
    });
    this.worker.kick();
    return ticket;
  }

  /** Bot Framework handoff.status from a contact-centre hub: accepted -> taken, completed -> closed, failed -> back to open. */
  async handoffStatus(context: TurnContext): Promise<void> {
    const a = context.activity;
    const value = (a.value ?? {}) as { state?: string; message?: string };
    const ticket = await this.tickets.findLive(a.conversation?.id ?? '');
    if (!ticket) {
      this.options.log.warn('handoff.status without a live ticket', { state: value.state });
      return;
    }
    const note = value.message ? cleanText(value.message, 500) : undefined;
    const state = (value.state ?? '').toLowerCase();
    if (state === 'accepted') await this.act(ticket.id, { kind: 'take', by: 'contact centre' });
    else if (state === 'completed') await this.act(ticket.id, { kind: 'close', by: 'contact centre', note });
    else if (state === 'failed') {
      await this.tickets.update(ticket.id, (t) => {
        t.history.push({ status: t.status, at: this.iso(), by: 'contact centre', note: `handoff failed${note ? `: ${note}` : ''}` });
        return [{ kind: 'user-message', payload: { text: `The contact centre could not take ticket ${ticketLabel(t.id)} right now; it stays in the engineers' queue.` } }];
      });
      this.worker.kick();
    } else this.options.log.warn('handoff.status with an unknown state', { state: state.slice(0, 40) });
  }

  /** The engineers' channel: captured by "engineers here", else ENGINEERS_CHANNEL. */
  async engineersChannel(): Promise<ConversationRef | undefined> {
    const stored = await this.conversations.getSetting(CHANNEL_SETTING);
    return stored ? parseChannelReference(stored) : this.options.engineersChannel;
  }

  async setEngineersChannel(reference: ConversationRef): Promise<void> {
    await this.conversations.setSetting(CHANNEL_SETTING, JSON.stringify(reference));
  }

  async recordTranscript(conversationId: string, entries: TranscriptEntry[]): Promise<void> {
    await this.conversations.appendTranscript(conversationId, entries);
  }

  private checkCause(causeId: string): string | undefined {
    const id = causeId.trim();
    if (!id) throw new TicketInputError('resolve needs "causeId": a knowledge-base id, or "new" for a new cause');
    if (isNewCause(id)) return undefined;
    // A look-alike id resolves a ticket as "not an identity problem, and this is what it was".
    const entry = findEntry(this.options.kb, id);
    if (!entry) throw new TicketInputError(`"${id.slice(0, 80)}" is not a knowledge-base id (use "new" for a new cause)`);
    return entry.title;
  }

  private webhookDrafts(event: string): OutboxDraft[] {
    return this.options.webhook ? [{ kind: 'webhook', payload: { event } }] : [];
  }

  private threadDrafts(t: Ticket, channel: ConversationRef | undefined, text: string): OutboxDraft[] {
    return t.thread || channel ? [{ kind: 'thread-message', payload: { text } }] : [];
  }

  private async reportLink(c: Case, d: Diagnosis): Promise<string | undefined> {
    if (!this.options.createReportLink) return undefined;
    try {
      return await this.options.createReportLink(c, d);
    } catch (err) {
      // The packet holds everything the report shows; a missing link must not stop the handoff.
      this.options.log.warn('report for escalation not created', errorContext(err));
      return undefined;
    }
  }

  /** After the commit a failed reply must not say "no ticket": the message goes out later through the outbox. */
  private async tellUserInTurn(context: TurnContext, ticket: Ticket, text: string): Promise<void> {
    try {
      await context.sendActivity(markdown(text));
    } catch (err) {
      this.options.log.warn('ticket number not delivered in the turn; queued', { ticket: ticket.id, ...errorContext(err) });
      try {
        await this.tickets.update(ticket.id, () => [{ kind: 'user-message', payload: { text } }]);
        this.worker.kick();
      } catch (queueError) {
        this.options.log.error('ticket number could not be queued for the user', { ticket: ticket.id, ...errorContext(queueError) });
      }
    }
  }

  private async sendHandoffInitiation(context: TurnContext, ticket: Ticket): Promise<void> {
    try {
      const activities = ticket.packet.transcript.map(
        (e) =>
          ({
            type: 'message',
            text: e.text,
            timestamp: new Date(e.at),
            from: e.from === 'user' ? context.activity.from : context.activity.recipient,
          }) as Partial<Activity> as Activity,
      );
      const event = EventFactory.createHandoffInitiation(context, { ticketId: ticket.id, packet: ticket.packet }, { activities });
      await context.sendActivity(event);
    } catch (err) {
      this.options.log.warn('handoff.initiate not sent', { ticket: ticket.id, ...errorContext(err) });
    }
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

function isNewCause(causeId: string): boolean {
  return /^(new|new cause|new-cause)$/i.test(causeId.trim());
}

function addMessage(t: Ticket, m: TicketMessage): void {
  t.messages.push(m);
  if (t.messages.length > MAX_TICKET_MESSAGES) t.messages.splice(0, t.messages.length - MAX_TICKET_MESSAGES);
}

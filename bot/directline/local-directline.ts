// The embedded Direct Line 3.0 service: conversations, user activities, uploads and the bot's replies, for the
// bot's own web chat page when no Direct Line secret is configured. The routes (local-routes.ts) check tokens and
// speak HTTP; this class owns the protocol's state and the hand-off to the bot.
import type { Activity, ChannelAccount } from 'botbuilder';
import type { Logger } from '../log.js';
import { errorContext } from '../turn-error.js';
import { BotDeliveryError, type BotDelivery } from './bot-delivery.js';
import {
  ConversationStore,
  randomId,
  type Conversation,
  type ConversationStoreOptions,
  type StoredAttachment,
} from './conversation-store.js';
import { DirectLineError } from './errors.js';
import type { UploadedFile } from './multipart-upload.js';
import { TokenSigner, type TokenClaims } from './token-signer.js';

export const DIRECTLINE_CHANNEL_ID = 'directline';

export interface LocalDirectLineOptions extends ConversationStoreOptions {
  deliver: BotDelivery;
  /** Base URL the bot itself reaches this server on (e.g. http://127.0.0.1:3978): used for attachment links and serviceUrl. */
  ownBaseUrl: () => string;
  log: Logger;
  bot?: ChannelAccount;
  tokenTtlSeconds?: number;
}

export interface ConversationInfo {
  conversationId: string;
  token: string;
  expires_in: number;
  /** The user id the token speaks for (not part of Direct Line's answer; the page passes it to Web Chat). */
  userId: string;
}

/** Fields a client may set on an activity it posts; everything else (from, conversation, ids, serviceUrl) is ours. */
const CLIENT_FIELDS = [
  'type',
  'text',
  'textFormat',
  'locale',
  'attachments',
  'attachmentLayout',
  'channelData',
  'value',
  'name',
  'entities',
  'suggestedActions',
  'speak',
  'inputHint',
  'localTimestamp',
  'localTimezone',
] as const;
const FORWARDED_TYPES = new Set(['message', 'event']);
const MAX_TEXT = 20_000;

export class LocalDirectLine {
  readonly tokens: TokenSigner;
  readonly conversations: ConversationStore;
  /** Random path segment of the connector endpoint: proactive sends from this process only. */
  readonly connectorKey = randomId(24);
  private readonly bot: ChannelAccount;

  constructor(private readonly options: LocalDirectLineOptions) {
    this.tokens = new TokenSigner({ ttlSeconds: options.tokenTtlSeconds, now: options.now });
    this.conversations = new ConversationStore(options);
    this.bot = options.bot ?? { id: 'iis-identity-support-bot', name: 'IIS identity support bot' };
  }

  /** A new conversation for a new user id, with its token (POST /api/directline/token). */
  createConversation(locale?: string): ConversationInfo {
    const conversation = this.conversations.create(`dl_${randomId()}`, locale);
    return this.info(conversation);
  }

  /** POST /v3/directline/conversations with a conversation token: the token's conversation, joined once. */
  startConversation(
    claims: TokenClaims,
    token: string,
    expiresIn: number,
  ): ConversationInfo & { referenceGrammarId?: string } {
    const conversation = this.conversations.get(claims.conv);
    this.join(conversation);
    return { conversationId: conversation.id, token, expires_in: expiresIn, userId: conversation.userId };
  }

  /** GET /v3/directline/conversations/:id (reconnect). */
  reconnect(claims: TokenClaims, token: string): ConversationInfo {
    const conversation = this.conversations.get(claims.conv);
    this.join(conversation);
    return {
      conversationId: conversation.id,
      token,
      expires_in: Math.max(0, claims.exp - Math.floor(Date.now() / 1000)),
      userId: conversation.userId,
    };
  }

  refresh(claims: TokenClaims): ConversationInfo {
    return this.info(this.conversations.get(claims.conv));
  }

  activities(
    claims: TokenClaims,
    watermark: string | undefined,
  ): { activities: Partial<Activity>[]; watermark: string } {
    const n = Number(watermark);
    return this.conversations.since(
      this.conversations.get(claims.conv),
      Number.isInteger(n) && n >= 0 ? n : 0,
    );
  }

  /** POST .../activities: echoes the activity with its id and hands it to the bot; returns the id. */
  post(claims: TokenClaims, body: unknown): string {
    const conversation = this.conversations.get(claims.conv);
    const activity = this.fromClient(conversation, body);
    // JSON posts may not point the bot at arbitrary URLs: only https links or inline content (cards) pass.
    activity.attachments = (activity.attachments ?? []).filter(
      (a) => !a.contentUrl || /^https:\/\//i.test(a.contentUrl),
    );
    return this.accept(conversation, activity);
  }

  /** POST .../upload: stores the files, links them from the activity, hands it to the bot; returns the id. */
  upload(claims: TokenClaims, activityPart: Partial<Activity> | undefined, files: UploadedFile[]): string {
    const conversation = this.conversations.get(claims.conv);
    const activity = this.fromClient(conversation, activityPart ?? { type: 'message' });
    activity.type = 'message';
    activity.attachments = files.map((f) => {
      const stored = this.conversations.addAttachment(conversation, f.name, f.contentType, f.data);
      return {
        name: f.name,
        contentType: f.contentType,
        contentUrl: this.attachmentUrl(conversation, stored),
      };
    });
    return this.accept(conversation, activity);
  }

  /** An uploaded file, for the bot's downloader and the user's browser; the unguessable id is the capability. */
  attachment(conversationId: string, attachmentId: string): StoredAttachment {
    const found = this.conversations.get(conversationId).attachments.get(attachmentId);
    if (!found) throw new DirectLineError(404, 'NotFound', 'No such attachment.');
    return found;
  }

  /**
   * Adds a message from the bot to a conversation outside a turn (escalation replies, proactive messages).
   * Returns the activity id; throws a 404 DirectLineError for an unknown or ended conversation.
   */
  appendBotActivity(conversationId: string, activity: Partial<Activity>): string {
    const conversation = this.conversations.get(conversationId);
    return this.conversations.append(conversation, this.fromBot(conversation, activity)).id as string;
  }

  /** The serviceUrl given to the bot: proactive sends to it land in appendBotActivity (see local-routes.ts). */
  serviceUrl(): string {
    return `${this.options.ownBaseUrl()}/v3/directline/connector/${this.connectorKey}`;
  }

  private info(conversation: Conversation): ConversationInfo {
    const { token, expiresIn } = this.tokens.issue(conversation.id, conversation.userId);
    return { conversationId: conversation.id, token, expires_in: expiresIn, userId: conversation.userId };
  }

  private attachmentUrl(conversation: Conversation, a: StoredAttachment): string {
    return `${this.options.ownBaseUrl()}/v3/directline/conversations/${encodeURIComponent(conversation.id)}/attachments/${encodeURIComponent(a.id)}`;
  }

  private user(conversation: Conversation): ChannelAccount {
    return { id: conversation.userId, name: '', role: 'user' } as ChannelAccount;
  }

  private fromClient(conversation: Conversation, body: unknown): Partial<Activity> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new DirectLineError(400, 'BadArgument', 'Send an activity as a JSON object.');
    const given = body as Record<string, unknown>;
    const activity: Record<string, unknown> = {};
    for (const field of CLIENT_FIELDS) if (given[field] !== undefined) activity[field] = given[field];
    if (typeof activity.type !== 'string')
      throw new DirectLineError(400, 'BadArgument', 'The activity needs a "type".');
    if (typeof activity.text === 'string' && activity.text.length > MAX_TEXT)
      throw new DirectLineError(400, 'BadArgument', `Messages are limited to ${MAX_TEXT} characters.`);
    if (activity.attachments !== undefined && !Array.isArray(activity.attachments))
      throw new DirectLineError(400, 'BadArgument', '"attachments" must be an array.');
    return {
      ...(activity as Partial<Activity>),
      // The token decides who speaks, whatever "from" says (Direct Line does the same for user-bound tokens).
      from: {
        ...this.user(conversation),
        name:
          typeof (given.from as ChannelAccount | undefined)?.name === 'string'
            ? String((given.from as ChannelAccount).name).slice(0, 100)
            : '',
      },
      locale: typeof activity.locale === 'string' ? activity.locale : conversation.locale,
    };
  }

  private fromBot(conversation: Conversation, activity: Partial<Activity>): Partial<Activity> {
    // The browser never sees serviceUrl (it holds the connector key) nor the bot's view of the recipient.
    const { serviceUrl: _serviceUrl, deliveryMode: _deliveryMode, ...rest } = activity;
    return {
      ...rest,
      id: undefined,
      type: activity.type ?? 'message',
      channelId: DIRECTLINE_CHANNEL_ID,
      conversation: { id: conversation.id } as Activity['conversation'],
      from: { ...this.bot, role: 'bot' } as ChannelAccount,
      recipient: this.user(conversation),
      timestamp: new Date(),
    };
  }

  private accept(conversation: Conversation, activity: Partial<Activity>): string {
    const echoed = this.conversations.append(conversation, {
      ...activity,
      channelId: DIRECTLINE_CHANNEL_ID,
      conversation: { id: conversation.id } as Activity['conversation'],
      recipient: this.bot,
      timestamp: new Date(),
    });
    if (FORWARDED_TYPES.has(activity.type ?? ''))
      this.enqueue(conversation, { ...echoed, serviceUrl: this.serviceUrl() });
    return echoed.id as string;
  }

  /** Tells the bot the user joined, once per conversation, so it can greet. */
  private join(conversation: Conversation): void {
    if (conversation.started) return;
    conversation.started = true;
    this.enqueue(conversation, {
      type: 'conversationUpdate',
      id: randomId(),
      channelId: DIRECTLINE_CHANNEL_ID,
      serviceUrl: this.serviceUrl(),
      conversation: { id: conversation.id } as Activity['conversation'],
      from: this.user(conversation),
      recipient: this.bot,
      membersAdded: [this.bot, this.user(conversation)],
      locale: conversation.locale,
      timestamp: new Date(),
    });
  }

  private enqueue(conversation: Conversation, activity: Partial<Activity>): void {
    conversation.queue = conversation.queue.then(() => this.runTurn(conversation, activity));
  }

  private async runTurn(conversation: Conversation, activity: Partial<Activity>): Promise<void> {
    try {
      const replies = await this.options.deliver(activity);
      for (const reply of replies) this.conversations.append(conversation, this.fromBot(conversation, reply));
    } catch (err) {
      this.options.log.error('web chat turn failed', {
        conversation: conversation.id.slice(0, 8),
        type: activity.type,
        status: err instanceof BotDeliveryError ? err.status : undefined,
        ...errorContext(err),
      });
      if (activity.type === 'message') {
        this.conversations.append(
          conversation,
          this.fromBot(conversation, {
            type: 'message',
            text: 'Sorry, I could not answer that message. Please try again in a moment.',
          }),
        );
      }
    }
  }
}

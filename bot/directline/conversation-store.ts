// The embedded Direct Line's conversations, in memory and bounded: at most `maxConversations` (least recently used
// evicted first, idle ones expire), at most `maxActivities` kept per conversation (oldest dropped; watermarks keep
// counting), and uploads held within one global byte budget. A restart forgets them all, like the tokens.
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { DirectLineError } from './errors.js';

export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface Conversation {
  id: string;
  userId: string;
  locale?: string;
  createdAt: number;
  lastUsed: number;
  /** True once the bot has been told the user joined (conversationUpdate). */
  started: boolean;
  /** Sequence number of the last activity appended; an activity's watermark is its sequence number. */
  seq: number;
  activities: { seq: number; activity: Partial<Activity> }[];
  attachments: Map<string, StoredAttachment>;
  attachmentBytes: number;
  /** Turns run one after another, in the order the user sent them. */
  queue: Promise<void>;
}

export interface ConversationStoreOptions {
  maxConversations?: number;
  maxActivities?: number;
  /** All uploads of all conversations together. */
  maxAttachmentBytes?: number;
  /** A conversation unused this long is forgotten. */
  idleMs?: number;
  now?: () => number;
}

export const STORE_DEFAULTS = {
  maxConversations: 500,
  maxActivities: 1000,
  maxAttachmentBytes: 256 * 1024 * 1024,
  idleMs: 2 * 60 * 60 * 1000,
};

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly options: Required<Omit<ConversationStoreOptions, 'now'>>;
  private readonly now: () => number;
  private attachmentBytes = 0;

  constructor(options: ConversationStoreOptions = {}) {
    this.options = { ...STORE_DEFAULTS, ...options } as Required<Omit<ConversationStoreOptions, 'now'>>;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.conversations.size;
  }

  create(userId: string, locale?: string): Conversation {
    this.expireIdle();
    while (this.conversations.size >= this.options.maxConversations) this.evictOldest();
    const now = this.now();
    const conversation: Conversation = {
      id: randomId(),
      userId,
      locale,
      createdAt: now,
      lastUsed: now,
      started: false,
      seq: 0,
      activities: [],
      attachments: new Map(),
      attachmentBytes: 0,
      queue: Promise.resolve(),
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation (marked as used), or a 404 DirectLineError. */
  get(id: string): Conversation {
    const c = this.conversations.get(id);
    if (!c || this.now() - c.lastUsed > this.options.idleMs) {
      if (c) this.remove(c);
      throw new DirectLineError(
        404,
        'NotFound',
        'The conversation does not exist or has ended; start a new one.',
      );
    }
    c.lastUsed = this.now();
    // Re-insert so Map order is least-recently-used first.
    this.conversations.delete(id);
    this.conversations.set(id, c);
    return c;
  }

  /** Appends with the next watermark; the id is "<conversation>|<seq>", as Direct Line does. */
  append(c: Conversation, activity: Partial<Activity>): Partial<Activity> {
    c.seq += 1;
    const stored = { ...activity, id: activity.id ?? `${c.id}|${String(c.seq).padStart(7, '0')}` };
    c.activities.push({ seq: c.seq, activity: stored });
    if (c.activities.length > this.options.maxActivities)
      c.activities.splice(0, c.activities.length - this.options.maxActivities);
    return stored;
  }

  /** Activities after `watermark` and the new watermark. */
  since(c: Conversation, watermark: number): { activities: Partial<Activity>[]; watermark: string } {
    return {
      activities: c.activities.filter((a) => a.seq > watermark).map((a) => a.activity),
      watermark: String(c.seq),
    };
  }

  /** Keeps an upload; evicts the least recently used other conversations when the global budget would be exceeded. */
  addAttachment(c: Conversation, name: string, contentType: string, data: Buffer): StoredAttachment {
    if (data.length > this.options.maxAttachmentBytes)
      throw new DirectLineError(413, 'FileTooLarge', `${name} is too large to keep.`);
    for (const other of [...this.conversations.values()]) {
      if (this.attachmentBytes + data.length <= this.options.maxAttachmentBytes) break;
      if (other !== c) this.remove(other);
    }
    if (this.attachmentBytes + data.length > this.options.maxAttachmentBytes) {
      throw new DirectLineError(
        503,
        'ServiceError',
        'Too many uploads are held right now; start a new conversation and try again.',
      );
    }
    const attachment: StoredAttachment = { id: randomId(), name, contentType, data };
    c.attachments.set(attachment.id, attachment);
    c.attachmentBytes += data.length;
    this.attachmentBytes += data.length;
    return attachment;
  }

  private expireIdle(): void {
    const now = this.now();
    for (const c of [...this.conversations.values()])
      if (now - c.lastUsed > this.options.idleMs) this.remove(c);
  }

  private evictOldest(): void {
    const oldest = this.conversations.values().next().value;
    if (oldest) this.remove(oldest);
  }

  private remove(c: Conversation): void {
    this.conversations.delete(c.id);
    this.attachmentBytes -= c.attachmentBytes;
  }
}

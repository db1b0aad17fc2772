// The terminal chat's connection to the bot: posts activities with deliveryMode "expectReplies" (so the replies come
// back in the HTTP response and no connector is needed) and uploads files inline as data: URLs.
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Activity, Attachment } from 'botbuilder';
import { LOCAL_CHAT_CHANNEL_ID } from '../attachments/index.js';

export class ChatClientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChatClientError';
  }
}

export interface SendOptions {
  text?: string;
  value?: unknown;
  attachments?: Attachment[];
}

export class ChatClient {
  private conversationId = randomUUID();
  readonly userId = `local-user-${randomUUID().slice(0, 8)}`;

  constructor(private readonly baseUrl: string) {}

  /** Starts a new conversation (a new Case), as a fresh Web Chat would, and returns the greeting. */
  async startConversation(): Promise<Partial<Activity>[]> {
    this.conversationId = randomUUID();
    return this.post({ type: 'conversationUpdate', membersAdded: [{ id: this.userId, name: 'You' }] });
  }

  send(options: SendOptions): Promise<Partial<Activity>[]> {
    return this.post({ type: 'message', text: options.text, value: options.value, attachments: options.attachments });
  }

  private async post(partial: Partial<Activity>): Promise<Partial<Activity>[]> {
    const activity: Partial<Activity> = {
      ...partial,
      id: randomUUID(),
      channelId: LOCAL_CHAT_CHANNEL_ID,
      serviceUrl: `${this.baseUrl}/local-chat`,
      deliveryMode: 'expectReplies',
      timestamp: new Date(),
      locale: 'en-US',
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: 'local chat' },
      from: { id: this.userId, name: 'You' },
      recipient: { id: 'bot', name: 'Support bot' },
    };
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    } catch (cause) {
      throw new ChatClientError(`Cannot reach the bot at ${this.baseUrl}: is it running? Start it with "npm start".`, { cause });
    }
    if (res.status === 401) throw new ChatClientError('The bot requires Bot Framework authentication (MicrosoftAppId is set): the terminal chat works with a bot in local mode.');
    if (res.status === 413) throw new ChatClientError('The bot refused the request as too large (ATTACHMENT_MAX_BYTES).');
    if (!res.ok) throw new ChatClientError(`The bot answered HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const text = await res.text();
    return text ? ((JSON.parse(text) as { activities?: Partial<Activity>[] }).activities ?? []) : [];
  }
}

/** Reads a file into an inline attachment (data: URL), which the bot accepts from its local chat client only. */
export async function fileAttachment(path: string, maxBytes = 200 * 1024 * 1024): Promise<Attachment> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new ChatClientError(`Cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  });
  if (!info.isFile()) throw new ChatClientError(`${path} is not a file (zip a folder first).`);
  if (info.size > maxBytes) throw new ChatClientError(`${path} is too large to send inline.`);
  const data = await readFile(path);
  return { contentType: 'application/octet-stream', name: basename(path), contentUrl: `data:application/octet-stream;base64,${data.toString('base64')}` };
}

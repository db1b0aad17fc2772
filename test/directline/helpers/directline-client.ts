// A minimal Direct Line 3.0 client for the protocol tests: the same requests Web Chat's DirectLineJS makes.
import type { Activity } from 'botbuilder';
import { eventually } from './channel-server.js';

export interface Session {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
  domain?: string;
  webSocket: boolean;
}

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(url: string, init: RequestInit = {}): Promise<HttpAnswer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

const auth = (token: string) => ({
  authorization: `Bearer ${token}`,
  'x-ms-bot-agent': 'DirectLine/3.0 (directlinejs 0.15.5)',
});

export class DirectLineClient {
  watermark = '';
  constructor(
    readonly base: string,
    public session: Session,
  ) {}

  static async start(base: string): Promise<DirectLineClient> {
    const res = await call<Session>(`${base}/api/directline/token`, { method: 'POST' });
    if (res.status !== 200) throw new Error(`token: HTTP ${res.status}`);
    const client = new DirectLineClient(base, res.body);
    const started = await client.startConversation();
    if (started.status !== 201) throw new Error(`start: HTTP ${started.status}`);
    return client;
  }

  get dl(): string {
    return `${this.base}/v3/directline`;
  }

  startConversation(token = this.session.token) {
    return call<{ conversationId: string; token: string; expires_in: number; streamUrl?: string }>(
      `${this.dl}/conversations`,
      {
        method: 'POST',
        headers: { ...auth(token), 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ user: { id: this.session.userId }, locale: 'en-US' }),
      },
    );
  }

  post(
    activity: Partial<Activity>,
    token = this.session.token,
    conversationId = this.session.conversationId,
  ) {
    return call<{ id: string }>(`${this.dl}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { ...auth(token), 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: this.session.userId }, ...activity }),
    });
  }

  say(text: string) {
    return this.post({ text, channelData: { clientActivityID: `c-${Math.random()}` } });
  }

  get(watermark = this.watermark, token = this.session.token, conversationId = this.session.conversationId) {
    return call<{ activities: Partial<Activity>[]; watermark: string }>(
      `${this.dl}/conversations/${conversationId}/activities?watermark=${watermark}`,
      { headers: auth(token) },
    );
  }

  /** Polls from the current watermark until a bot message matching `match` arrives; returns the new activities. */
  async waitForBot(match: (a: Partial<Activity>) => boolean = () => true): Promise<Partial<Activity>[]> {
    const seen: Partial<Activity>[] = [];
    return eventually(async () => {
      const res = await this.get();
      if (res.status !== 200) throw new Error(`poll: HTTP ${res.status}`);
      this.watermark = res.body.watermark;
      seen.push(...res.body.activities);
      return seen.some((a) => a.type === 'message' && a.from?.role === 'bot' && match(a)) ? seen : undefined;
    });
  }

  upload(form: FormData, token = this.session.token, userId = this.session.userId) {
    return call<{ id?: string; error?: { code: string; message: string } }>(
      `${this.dl}/conversations/${this.session.conversationId}/upload?userId=${encodeURIComponent(userId)}`,
      {
        method: 'POST',
        headers: auth(token),
        body: form,
      },
    );
  }
}

// Hands a user's activity to the bot and returns its replies. The embedded Direct Line posts to the bot's own
// /api/messages with deliveryMode "expectReplies", so a web chat turn takes exactly the path of every other channel
// (adapter, turn tracker, state saving, error handler). Only possible in local mode, where the adapter accepts
// unauthenticated requests on loopback.
import type { Activity } from 'botbuilder';

export type BotDelivery = (activity: Partial<Activity>) => Promise<Partial<Activity>[]>;

export class BotDeliveryError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message);
    this.name = 'BotDeliveryError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export function loopbackDelivery(messagesUrl: () => string, timeoutMs = 120_000): BotDelivery {
  return async (activity) => {
    let res: Response;
    try {
      res = await fetch(messagesUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new BotDeliveryError(undefined, 'the bot could not be reached', { cause });
    }
    const text = await res.text();
    if (!res.ok) throw new BotDeliveryError(res.status, `the bot answered HTTP ${res.status}`);
    if (!text) return [];
    try {
      const body = JSON.parse(text) as { activities?: Partial<Activity>[] };
      return Array.isArray(body.activities) ? body.activities : [];
    } catch (cause) {
      throw new BotDeliveryError(res.status, 'the bot answered something that is not JSON', { cause });
    }
  };
}

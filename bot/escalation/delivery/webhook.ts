// The ticketing-system webhook: a JSON POST signed with HMAC-SHA256 over the exact body bytes
// ("X-Escalation-Signature-256: sha256=<hex>"), with the delivery id for idempotency. Any failure is a
// DeliveryError, which the outbox retries with backoff: the ticket itself is already stored.
import { createHmac } from 'node:crypto';
import { DeliveryError } from '../errors.js';

export interface WebhookConfig {
  url: string;
  secret: string;
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-escalation-signature-256';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export async function postWebhook(config: WebhookConfig, event: string, deliveryId: number, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  let res: Response;
  try {
    res = await fetch(config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(config.secret, body),
        'x-escalation-event': event,
        'x-escalation-delivery': String(deliveryId),
        'user-agent': 'iis-identity-support-bot-escalation',
      },
      body,
      signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      redirect: 'error',
    });
  } catch (cause) {
    throw new DeliveryError(`webhook unreachable: ${cause instanceof Error ? cause.message : String(cause)}`, false, { cause });
  }
  // Drain the body so the connection can be reused; its content is not needed.
  await res.arrayBuffer();
  if (!res.ok) throw new DeliveryError(`webhook answered HTTP ${res.status}`);
}

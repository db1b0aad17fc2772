// Deliveries out of the bot: webhook, proactive messages to the user and to the engineers' channel, the outbox worker.
export { DEFAULT_BACKOFF, backoffDelay, type Backoff } from './backoff.js';
export { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.js';
export { deliverToUser, sendProactive, type ProactiveAdapter, type UserDeliveryDeps, type WebChatAppend } from './user-delivery.js';
export { SIGNATURE_HEADER, postWebhook, signBody, type WebhookConfig } from './webhook.js';

// Starts the real server on port 0 with a temp DATA_DIR, and posts activities with deliveryMode "expectReplies".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../../bot/config.js';
import { createMemoryLogger } from '../../../bot/log.js';
import { startServer, type RunningServer } from '../../../bot/start.js';
import type { CreateAppOptions } from '../../../bot/app.js';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'bot-data-'));
}

export async function startTestServer(env: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<RunningServer & { logLines: string[] }> {
  const log = createMemoryLogger();
  const config = loadConfig({ PORT: '0', DATA_DIR: env.DATA_DIR ?? tempDataDir(), SHUTDOWN_TIMEOUT_MS: '5000', ...env });
  const running = await startServer(config, { log, ...options });
  return Object.assign(running, { logLines: log.lines });
}

export function messageActivity(conversationId: string, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    channelId: 'local-chat',
    serviceUrl: 'http://127.0.0.1:1/local-chat',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Tester' },
    recipient: { id: 'bot', name: 'bot' },
    text,
    locale: 'en-US',
    ...extra,
  };
}

export async function postActivity(baseUrl: string, activity: Partial<Activity>, headers: Record<string, string> = {}): Promise<{ status: number; activities: Partial<Activity>[]; body: unknown }> {
  const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  const activities = (body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  return { status: res.status, activities, body };
}

/** The text of every message reply, joined. */
export function replyText(activities: Partial<Activity>[]): string {
  return activities
    .filter((a) => a.type === 'message')
    .map((a) => a.text ?? '')
    .join('\n');
}

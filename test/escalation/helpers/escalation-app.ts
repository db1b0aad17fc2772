// The real server with the real dialogs and escalation wired the way the composition root wires them (see the
// report to the lead): escalation middleware on the adapter, its routes on the server, its hook in the services.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity, CloudAdapter } from 'botbuilder';
import { createApp, type App } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import type { CreateEscalationOptions, Escalation } from '../../../bot/escalation/index.js';
import { createMemoryLogger } from '../../../bot/log.js';
import { loadOrTrainIntentClassifier } from '../../../runtime/intent-model.js';

export interface EscalationApp {
  app: App;
  escalation: Escalation;
  url: string;
  logLines: string[];
  close(): Promise<void>;
}

export const API_KEY = 'test-engineers-key-0123456789';
let classifier: ReturnType<typeof loadOrTrainIntentClassifier> | undefined;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bot-escalation-'));
}

export async function startEscalationApp(
  options: { env?: Record<string, string>; dataDir?: string; escalation?: Partial<CreateEscalationOptions>; proactiveAdapter?: CloudAdapter } = {},
): Promise<EscalationApp> {
  classifier ??= loadOrTrainIntentClassifier();
  const classify = classifier;
  const log = createMemoryLogger();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: options.dataDir ?? tempDir(),
    SHUTDOWN_TIMEOUT_MS: '5000',
    ENGINEERS_API_KEY: API_KEY,
    ...options.env,
  });
  // The composition root wires escalation itself (middleware, routes, the dialogs' hook); tests only shorten the
  // back-off and, for Teams, swap in an adapter whose proactive sends nock can see.
  const app = await createApp(config, {
    log,
    classify: (t) => classify.classify(t),
    escalation: {
      backoff: { baseMs: 5, maxMs: 40 },
      ...(options.proactiveAdapter ? { adapter: options.proactiveAdapter } : {}),
      ...options.escalation,
    },
  });
  const listening = await app.listen();
  return {
    app,
    escalation: app.escalation,
    url: listening.url,
    logLines: log.lines,
    close: () => app.close(),
  };
}

/** Polls until `check` answers something truthy (the test's own timeout bounds the wait). */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, intervalMs = 20): Promise<T> {
  for (;;) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Every Action.Submit data object in the replies' cards. */
export function submitData(activities: Partial<Activity>[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit' && o.data && typeof o.data === 'object') out.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  for (const a of activities) walk(a.attachments ?? []);
  return out;
}

export async function api(baseUrl: string, path: string, body?: unknown, key = API_KEY): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// Starts the real composition root (createApp: CloudAdapter, state, the default bot) on port 0 with the channel
// routes of this folder registered on it, as the lead will wire them in bot/app.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type CreateAppOptions } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import type { DirectLineRoutes, DirectLineRoutesDeps } from '../../../bot/directline/index.js';
import { createMemoryLogger } from '../../../bot/log.js';
import type { ReportLinks, StorageReportStore } from '../../../bot/reports/index.js';
import type { WebChatRoutesDeps } from '../../../bot/webchat/index.js';

export interface ChannelServer {
  app: App;
  url: string;
  directLine: DirectLineRoutes;
  reports: StorageReportStore;
  links: ReportLinks;
  logLines: string[];
  close(): Promise<void>;
}

export interface ChannelServerOptions {
  env?: Record<string, string>;
  app?: CreateAppOptions;
  directLine?: Partial<DirectLineRoutesDeps>;
  webChat?: Partial<WebChatRoutesDeps>;
}

export async function startChannelServer(options: ChannelServerOptions = {}): Promise<ChannelServer> {
  const log = createMemoryLogger();
  const config = loadConfig({
    PORT: '0',
    STORAGE: 'memory',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'channel-data-')),
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...options.env,
  });
  // The composition root registers the Direct Line, chat page and report routes itself; tests only pass overrides.
  const app = await createApp(config, { log, directLine: options.directLine, webChat: options.webChat, ...options.app });
  const listening = await app.listen();
  return {
    app,
    url: listening.url,
    directLine: app.directLine,
    reports: app.reports,
    links: app.reportLinks,
    logLines: log.lines,
    close: () => app.close(),
  };
}

/** Polls until `check` returns a value (no timing thresholds: mocha's test timeout is the only limit). */
export async function eventually<T>(check: () => Promise<T | undefined>, pauseMs = 50): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

// The composition root: configuration in, a wired server out. Creates storage, conversation/user state and the engine
// services, builds the bot through its factory, and owns the order of shutdown.
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ConversationState, UserState, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { Classification } from '../knowledge/intents/index.js';
import type { KnowledgeBase } from '../knowledge/kb-loader/load.js';
import { loadOrTrainIntentClassifier } from '../runtime/intent-model.js';
import { bundledKnowledgeBase } from '../runtime/kb-files.js';
import { createAdapter } from './adapter.js';
import { AttachmentService } from './attachments/index.js';
import { bodyLimits } from './body-limits.js';
import type { BotFactory, SupportBot } from './bot-contract.js';
import type { Config } from './config.js';
import { defaultBotFactory, defaultBotName } from './default-bot.js';
import { FeedbackStore } from './feedback/index.js';
import { createLogger, type Logger } from './log.js';
import { diagnoseRoute, healthzRoute, messagesRoute } from './routes/index.js';
import type { BotServices } from './services.js';
import { createStorage, type DurableStorage } from './store/index.js';
import { createTurnErrorHandler, errorContext } from './turn-error.js';
import { TurnTracker } from './turn-tracker.js';
import { packageVersion } from './version.js';

export interface CreateAppOptions {
  /** Defaults to the bundled, validated knowledge base. */
  kb?: KnowledgeBase;
  /** Defaults to the conversation logic chosen in default-bot.ts. */
  botFactory?: BotFactory;
  /** Shown by /healthz and the start-up log. */
  botName?: string;
  log?: Logger;
  /** Defaults to the backend named by config.storage. */
  storage?: DurableStorage;
  /** Defaults to the bundled intent model (trained on first start when missing). */
  classify?: (text: string) => Classification;
}

export interface Listening {
  host: string;
  port: number;
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
}

export interface App {
  config: Config;
  server: restify.Server;
  adapter: CloudAdapter;
  storage: DurableStorage;
  conversationState: ConversationState;
  userState: UserState;
  services: BotServices;
  bot: SupportBot;
  botName: string;
  tracker: TurnTracker;
  log: Logger;
  listen(): Promise<Listening>;
  /** Stops taking requests, lets in-flight turns finish (up to config.shutdownTimeoutMs), then closes storage. */
  close(): Promise<void>;
}

function loadClassifier(log: Logger): (text: string) => Classification {
  const started = Date.now();
  const classifier = loadOrTrainIntentClassifier();
  log.info('intent classifier ready', { family: classifier.family, ms: Date.now() - started });
  return (text) => classifier.classify(text);
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel);
  const kb = options.kb ?? bundledKnowledgeBase();
  const storage = options.storage ?? (await createStorage(config.storage));
  const conversationState = new ConversationState(storage);
  const feedback = new FeedbackStore(storage);
  const userState = new UserState(storage);
  let ownOrigins: string[] = [];
  const services: BotServices = {
    kb,
    attachments: new AttachmentService({
      allowedHosts: config.attachments.allowedHosts,
      ownOrigins: () => ownOrigins,
      maxBytes: config.attachments.maxBytes,
      timeoutMs: config.attachments.timeoutMs,
      acceptLocalDataUrls: config.localMode,
    }),
    ingestOptions: { maxFileBytes: config.attachments.maxBytes },
    log,
    version: packageVersion(),
    localMode: config.localMode,
    classify: options.classify ?? loadClassifier(log),
    recordFeedback: (causeId, outcome, conversationId) => feedback.record(causeId, outcome, conversationId),
  };
  const bot = (options.botFactory ?? defaultBotFactory)({ conversationState, userState, services });
  const botName = options.botName ?? (options.botFactory ? 'custom' : defaultBotName);
  const adapter = createAdapter(config);
  adapter.onTurnError = createTurnErrorHandler(bot, [conversationState, userState], log);

  // The root saves state after every successful turn, so no bot can forget to (unchanged state is not rewritten).
  const runTurn = async (context: TurnContext): Promise<void> => {
    await bot.run(context);
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  };

  const tracker = new TurnTracker();
  const limits = bodyLimits(config);
  const server = restify.createServer({ name: 'iis-identity-support-bot', handleUncaughtExceptions: false });
  const parse = (maxBodySize: number) => restify.plugins.bodyParser({ maxBodySize, mapParams: false, mapFiles: false });
  server.post('/api/messages', parse(limits.messages), messagesRoute(adapter, tracker, runTurn, config.auth !== undefined));
  server.post(
    '/api/diagnose',
    parse(limits.diagnose),
    diagnoseRoute({
      kb,
      ingestOptions: services.ingestOptions,
      maxFileBytes: config.attachments.maxBytes,
      token: config.diagnoseApiToken,
      enabled: config.localMode || config.diagnoseApiToken !== undefined,
      tracker,
      log,
    }),
  );
  server.get('/healthz', healthzRoute({ version: services.version, startedAt: Date.now(), localMode: config.localMode, storage: storage.kind, bot: botName }));
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    if ((err.statusCode ?? 500) >= 500) log.error('request failed', { method: req.method, route: req.getRoute()?.path?.toString(), ...errorContext(err) });
    callback();
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const finished = await tracker.drain(config.shutdownTimeoutMs);
      if (!finished) log.warn('shutdown timeout: abandoning unfinished requests', { active: tracker.active });
      server.server.closeAllConnections();
      await stopped;
      await storage.close();
    })();
    return closing;
  };

  const listen = (): Promise<Listening> =>
    new Promise((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.server.off('error', reject);
        const address = server.server.address() as AddressInfo;
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        // In local mode the bot's own endpoints are loopback by design: attachments may point there.
        if (config.localMode) ownOrigins = [`http://127.0.0.1:${address.port}`, `http://localhost:${address.port}`, `http://[::1]:${address.port}`];
        resolve({ host: address.address, port: address.port, url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}` });
      });
    });

  return { config, server, adapter, storage, conversationState, userState, services, bot, botName, tracker, log, listen, close };
}

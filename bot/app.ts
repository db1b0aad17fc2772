// The composition root: configuration in, a wired server out. Creates storage, conversation/user state and the engine
// services, builds the bot through its factory, and owns the order of shutdown.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ConversationState, UserState, type Activity, type CloudAdapter, type TurnContext } from 'botbuilder';
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
import { DirectLineError, registerDirectLineRoutes, type DirectLineRoutes, type DirectLineRoutesDeps } from './directline/index.js';
import { createEscalation, parseChannelReference, type CreateEscalationOptions, type Escalation } from './escalation/index.js';
import { FeedbackStore } from './feedback/index.js';
import { privacyRoute, termsRoute } from './pages/index.js';
import { CaseReportLinks, liveCaseReader, reportLinks, registerReportRoutes, StorageReportStore, type ReportLinks } from './reports/index.js';
import { registerWebChatRoutes, type WebChatRoutesDeps } from './webchat/index.js';
import { createLogger, type Logger } from './log.js';
import { diagnoseRoute, healthzRoute, messagesRoute } from './routes/index.js';
import type { BotServices } from './services.js';
import { createStorage, JsonConversationState, JsonUserState, type DurableStorage } from './store/index.js';
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
  /** Overrides of the escalation wiring (tests: a fake proactive adapter, short back-off). */
  escalation?: Partial<CreateEscalationOptions>;
  /** Overrides of the web-chat Direct Line wiring (tests: token lifetime, conversation caps). */
  directLine?: Partial<DirectLineRoutesDeps>;
  /** Overrides of the chat page settings. */
  webChat?: Partial<WebChatRoutesDeps>;
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
  escalation: Escalation;
  directLine: DirectLineRoutes;
  reports: StorageReportStore;
  reportLinks: ReportLinks;
  /** The engineers' API key in force (configured, or made for this run in local mode); undefined: API off. */
  engineersApiKey?: string;
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
  const conversationState = new JsonConversationState(storage);
  const feedback = new FeedbackStore(storage);
  const adapter = createAdapter(config);
  // Report and console links need the address people reach the bot at; in local mode it is known after listen().
  let listeningUrl = '';
  const baseUrl = () => config.publicBaseUrl ?? listeningUrl;
  const reports = new StorageReportStore(storage, { retentionMs: config.reportRetentionDays * 86_400_000, readLive: liveCaseReader(storage, kb) });
  const links = reportLinks(reports, baseUrl);
  const caseReports = new CaseReportLinks({ conversationState, store: reports, kb, baseUrl });
  const engineersApiKey = config.escalation.apiKey ?? (config.localMode ? randomBytes(18).toString('base64url') : undefined);
  const escalation: Escalation = await createEscalation({
    storage: config.storage,
    kb,
    adapter,
    botAppId: config.auth?.appId ?? '',
    log,
    apiKey: engineersApiKey,
    webhook: config.escalation.webhook,
    engineersChannel: config.escalation.engineersChannel ? parseChannelReference(config.escalation.engineersChannel) : undefined,
    engineersAdmins: config.escalation.admins,
    handoffEvents: config.escalation.handoffEvents,
    webChatAppend: (conversationId, activity) => appendToWebChat(conversationId, activity),
    createReportLink: (c, d) => links.create({ case: c, diagnosis: d, timelines: c.timelines }),
    consoleUrl: () => `${baseUrl()}/engineers`,
    ingestOptions: { maxFileBytes: config.attachments.maxBytes },
    ...options.escalation,
  });
  const userState = new JsonUserState(storage);
  let ownOrigins: string[] = [];
  const services: BotServices = {
    kb,
    // Uploads are also kept (redacted) for the engineers' packet, should the case be escalated.
    attachments: escalation.recordUploads(new AttachmentService({
      allowedHosts: config.attachments.allowedHosts,
      ownOrigins: () => ownOrigins,
      maxBytes: config.attachments.maxBytes,
      timeoutMs: config.attachments.timeoutMs,
      acceptLocalDataUrls: config.localMode,
    })),
    ingestOptions: { maxFileBytes: config.attachments.maxBytes },
    log,
    version: packageVersion(),
    localMode: config.localMode,
    classify: options.classify ?? loadClassifier(log),
    recordFeedback: (causeId, outcome, conversationId) => feedback.record(causeId, outcome, conversationId),
    escalate: escalation.escalate,
    reports: caseReports,
  };
  const bot = (options.botFactory ?? defaultBotFactory)({ conversationState, userState, services });
  const botName = options.botName ?? (options.botFactory ? 'custom' : defaultBotName);
  adapter.use(escalation.middleware);
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
  const directLine = registerDirectLineRoutes(server, {
    secret: config.webChat.directLineSecret,
    endpoint: config.webChat.directLineEndpoint,
    localMode: config.localMode,
    corsOrigins: config.webChat.embedOrigins,
    log,
    ...options.directLine,
  });
  // Engineers' replies reach an embedded web-chat conversation directly; any other conversation goes proactively.
  const appendToWebChat = (conversationId: string, activity: Partial<Activity>): boolean => {
    if (!directLine.directLine) return false;
    try {
      directLine.appendBotActivity(conversationId, activity);
      return true;
    } catch (err) {
      if (err instanceof DirectLineError && err.status === 404) return false;
      throw err;
    }
  };
  registerWebChatRoutes(server, {
    directLine,
    theme: { title: config.webChat.title, accent: config.webChat.accent },
    embedOrigins: config.webChat.embedOrigins,
    publicBaseUrl: config.publicBaseUrl,
    ...options.webChat,
  });
  registerReportRoutes(server, { reports, log });
  escalation.registerRoutes(server);
  // The Teams app's website link points at the bot's root: send people to the chat page.
  server.get('/', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.redirect(302, '/chat', next);
  });
  server.get('/privacy', privacyRoute({ reportRetentionDays: config.reportRetentionDays }));
  server.get('/terms', termsRoute());
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
      await escalation.close();
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
        const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
        listeningUrl = url;
        // The outbox worker (webhook, relays) starts only once the bot can be reached.
        escalation.start();
        resolve({ host: address.address, port: address.port, url });
      });
    });

  return { config, server, adapter, storage, conversationState, userState, services, bot, botName, tracker, log, escalation, directLine, reports, reportLinks: links, engineersApiKey, listen, close };
}

// Starts the wired app and says, in its first lines, where it listens, in which mode, where the data lives and how to try it.
import type { Config } from './config.js';
import { createApp, type App, type CreateAppOptions, type Listening } from './app.js';
import { describeStorage } from './store/index.js';

export interface RunningServer extends Listening {
  app: App;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: CreateAppOptions = {}): Promise<RunningServer> {
  const app = await createApp(config, options);
  let listening: Listening;
  try {
    listening = await app.listen();
  } catch (err) {
    await app.escalation.close();
    await app.storage.close();
    throw err;
  }
  const { log } = app;
  const kb = app.services.kb;
  log.info(`IIS identity support bot ${app.services.version} listening on ${listening.url}`, {
    routes: 'POST /api/messages, POST /api/diagnose, GET /healthz, GET /chat, POST /api/directline/token, GET /reports/:id, GET /engineers, /api/tickets',
  });
  if (config.localMode) {
    log.info(`Local mode: no MicrosoftAppId, so inbound authentication is off and the bot listens on ${config.host} only (set app credentials to use HOST for other interfaces).`);
  } else {
    log.info(`Bot Framework authentication on for app ${config.auth?.appId} (${config.auth?.appType}); listening on ${config.host}.`);
  }
  log.info(`Data: ${describeStorage(config.storage)}${config.storage.kind === 'sqlite' ? ` (DATA_DIR ${config.dataDir})` : ''}`);
  log.info(`Knowledge base: ${kb.causes.length} causes, ${kb.concepts.length} concepts, ${kb.lookalikes.length} look-alikes, ${kb.questions.size} questions. Conversation logic: ${app.botName}.`);
  if (config.localMode) {
    const port = listening.port === 3978 ? '' : ` -- --url ${listening.url}`;
    log.info(`Try it: npm run chat${port}   or open ${listening.url}/chat in a browser   (or POST ${listening.url}/api/diagnose with {"text": "..."})`);
  }
  if (app.engineersApiKey && !config.escalation.apiKey) {
    // Printed only in local mode, where the key is made for this run: the console is usable with no setup.
    log.info(`Engineers' console: ${listening.url}/engineers   (API key for this run: ${app.engineersApiKey}; set ENGINEERS_API_KEY to keep one)`);
  } else if (app.engineersApiKey) {
    log.info(`Engineers' console: ${config.publicBaseUrl ?? listening.url}/engineers (ENGINEERS_API_KEY is set).`);
  } else {
    log.info('Engineers\' console and tickets API: off (set ENGINEERS_API_KEY to turn them on).');
  }
  return { ...listening, app, close: () => app.close() };
}

// `npm start`: read the configuration once, validate the knowledge base, start, and shut down gracefully on signals.
import '../runtime/quiet-known-warnings.js';
import { KnowledgeBaseError, formatProblem } from '../knowledge/kb-loader/load.js';
import { bundledKnowledgeBase } from '../runtime/kb-files.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { startServer } from './start.js';
import { errorContext } from './turn-error.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(`${err.message}\nSee .env.example for every variable and its default.`);
    throw err;
  }
  const log = createLogger(config.logLevel);
  let kb;
  try {
    kb = bundledKnowledgeBase();
  } catch (err) {
    if (err instanceof KnowledgeBaseError) fail(`The knowledge base is invalid; the bot will not start:\n${err.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    throw err;
  }
  const running = await startServer(config, { kb, log });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn(`second ${signal}: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: finishing in-flight turns, then closing storage`, { active: running.app.tracker.active });
    running.close().then(
      () => {
        log.info('stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        log.error('shutdown failed', errorContext(err));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  fail(`The bot could not start: ${err instanceof Error ? err.message : String(err)}`);
});

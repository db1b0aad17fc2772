// The bot server's public face.
export { createApp, type App, type CreateAppOptions, type Listening } from './app.js';
export { startServer, type RunningServer } from './start.js';
export { loadConfig, ConfigError, DEFAULT_ATTACHMENT_HOSTS, type Config } from './config.js';
export type { BotDeps, BotFactory, SupportBot } from './bot-contract.js';
export type { BotServices } from './services.js';
export { CASE_PROPERTY, caseAccessor, loadCase } from './case-state.js';
export { createLogger, createMemoryLogger, type Logger } from './log.js';
export { APOLOGY } from './turn-error.js';

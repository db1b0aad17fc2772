// The bot's whole configuration, read once from the environment and validated by one zod schema.
// Everything else receives a typed Config; nothing outside bot/ reads process.env.
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { parseChannelReference } from './escalation/teams/channel-reference.js';

/** Hosts attachments may be downloaded from when ATTACHMENT_HOSTS is not set: Direct Line, Teams/SharePoint, connector. */
export const DEFAULT_ATTACHMENT_HOSTS = [
  'directline.botframework.com',
  '*.directline.botframework.com',
  '*.botframework.com',
  '*.sharepoint.com',
  'smba.trafficmanager.net',
  '*.asm.skype.com',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export type StorageKind = 'sqlite' | 'postgres' | 'memory';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface AuthConfig {
  appId: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface Config {
  /** Absent in local mode: no inbound authentication, loopback only. */
  auth?: AuthConfig;
  localMode: boolean;
  host: string;
  port: number;
  dataDir: string;
  storage: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string } | { kind: 'memory' };
  attachments: { allowedHosts: string[]; maxBytes: number; timeoutMs: number };
  /** Bearer token required by POST /api/diagnose; required when the bot is not in local mode. */
  diagnoseApiToken?: string;
  shutdownTimeoutMs: number;
  logLevel: LogLevel;
  /** Where people reach the bot (report and console links); defaults to the listening address. */
  publicBaseUrl?: string;
  webChat: {
    directLineSecret?: string;
    directLineEndpoint?: string;
    embedOrigins: string[];
    title?: string;
    accent?: string;
  };
  reportRetentionDays: number;
  escalation: {
    /** Absent in local mode: a random key is made for the run and printed in the start-up log. */
    apiKey?: string;
    webhook?: { url: string; secret: string };
    /** ENGINEERS_CHANNEL as given (JSON); parsed by bot/escalation. */
    engineersChannel?: string;
    admins: string[];
    handoffEvents: boolean;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Empty strings in .env files mean "not set".
const optionalString = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

const intIn = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? fallback : Number(v)),
    z.number({ error: 'must be a whole number' }).int('must be a whole number').min(min).max(max),
  );

const envSchema = z
  .object({
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    ),
    MicrosoftAppTenantId: optionalString,
    HOST: optionalString,
    PORT: intIn(0, 65535, 3978),
    DATA_DIR: optionalString,
    STORAGE: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.enum(['sqlite', 'postgres', 'memory']).optional(),
    ),
    DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with postgres:// or postgresql://',
    }),
    ATTACHMENT_HOSTS: optionalString,
    ATTACHMENT_MAX_BYTES: intIn(1024, 200 * 1024 * 1024, 25 * 1024 * 1024),
    ATTACHMENT_TIMEOUT_MS: intIn(100, 300_000, 20_000),
    DIAGNOSE_API_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, {
      message: 'must be at least 16 characters',
    }),
    SHUTDOWN_TIMEOUT_MS: intIn(0, 120_000, 10_000),
    PUBLIC_BASE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), {
      message: 'must be an http(s) URL such as https://bot.contoso.com',
    }),
    DIRECTLINE_SECRET: optionalString,
    DIRECTLINE_ENDPOINT: optionalString.refine((v) => v === undefined || /^https:\/\/[^\s/]+/.test(v), {
      message: 'must be an https URL',
    }),
    WEBCHAT_EMBED_ORIGINS: optionalString.refine(
      (v) => v === undefined || v.split(',').every((o) => /^https?:\/\/[^\s/]+$/.test(o.trim())),
      { message: 'must be comma-separated origins such as https://support.contoso.com (no paths)' },
    ),
    WEBCHAT_TITLE: optionalString.refine((v) => v === undefined || v.length <= 80, { message: 'must be at most 80 characters' }),
    WEBCHAT_ACCENT: optionalString.refine((v) => v === undefined || /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v), {
      message: 'must be a hex colour such as #1E4E8C',
    }),
    REPORT_RETENTION_DAYS: intIn(1, 3650, 30),
    ENGINEERS_API_KEY: optionalString.refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' }),
    ESCALATION_WEBHOOK_URL: optionalString.refine((v) => v === undefined || /^https:\/\/[^\s/]+/.test(v), {
      message: 'must be an https URL',
    }),
    ESCALATION_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
      message: 'must be at least 16 characters',
    }),
    ENGINEERS_CHANNEL: optionalString,
    ENGINEERS_ADMINS: optionalString,
    ESCALATION_HANDOFF_EVENTS: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.enum(['true', 'false']).default('false'),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    ),
  })
  .superRefine((env, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!env.MicrosoftAppId) {
      if (env.HOST && !LOOPBACK_HOSTS.has(env.HOST)) {
        add('HOST', `"${env.HOST}" is not a loopback address: without MicrosoftAppId the bot has no inbound authentication and may only listen on 127.0.0.1, ::1 or localhost`);
      }
      if (env.MicrosoftAppPassword || env.MicrosoftAppTenantId) add('MicrosoftAppId', 'is required when MicrosoftAppPassword or MicrosoftAppTenantId is set');
    } else {
      if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) add('MicrosoftAppTenantId', `is required for MicrosoftAppType=${env.MicrosoftAppType}`);
      if (env.MicrosoftAppType === 'UserAssignedMSI' && env.MicrosoftAppPassword) add('MicrosoftAppPassword', 'must not be set for MicrosoftAppType=UserAssignedMSI');
      if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) add('MicrosoftAppPassword', `is required for MicrosoftAppType=${env.MicrosoftAppType}`);
    }
    if (env.STORAGE === 'postgres' && !env.DATABASE_URL) add('DATABASE_URL', 'is required when STORAGE=postgres');
    if (env.ESCALATION_WEBHOOK_URL && !env.ESCALATION_WEBHOOK_SECRET) add('ESCALATION_WEBHOOK_SECRET', 'is required when ESCALATION_WEBHOOK_URL is set (the body is signed with it)');
    if (env.ENGINEERS_CHANNEL) {
      try {
        parseChannelReference(env.ENGINEERS_CHANNEL);
      } catch (err) {
        add('ENGINEERS_CHANNEL', (err as Error).message);
      }
    }
  });

/** Parses the environment into a Config; throws ConfigError listing every problem (never echoing secret values). */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const e = parsed.data;
  const auth: AuthConfig | undefined = e.MicrosoftAppId
    ? { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId }
    : undefined;
  const dataDir = e.DATA_DIR ? (isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(cwd, e.DATA_DIR)) : resolve(cwd, 'data');
  const kind: StorageKind = e.STORAGE ?? (e.DATABASE_URL ? 'postgres' : 'sqlite');
  const storage: Config['storage'] =
    kind === 'postgres' ? { kind, url: e.DATABASE_URL as string } : kind === 'sqlite' ? { kind, file: resolve(dataDir, 'bot-state.sqlite') } : { kind };
  return {
    auth,
    localMode: auth === undefined,
    host: e.HOST ?? (auth ? '0.0.0.0' : '127.0.0.1'),
    port: e.PORT,
    dataDir,
    storage,
    attachments: {
      allowedHosts: e.ATTACHMENT_HOSTS ? e.ATTACHMENT_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean) : DEFAULT_ATTACHMENT_HOSTS,
      maxBytes: e.ATTACHMENT_MAX_BYTES,
      timeoutMs: e.ATTACHMENT_TIMEOUT_MS,
    },
    diagnoseApiToken: e.DIAGNOSE_API_TOKEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    webChat: {
      directLineSecret: e.DIRECTLINE_SECRET,
      directLineEndpoint: e.DIRECTLINE_ENDPOINT,
      embedOrigins: list(e.WEBCHAT_EMBED_ORIGINS),
      title: e.WEBCHAT_TITLE,
      accent: e.WEBCHAT_ACCENT,
    },
    reportRetentionDays: e.REPORT_RETENTION_DAYS,
    escalation: {
      apiKey: e.ENGINEERS_API_KEY,
      webhook: e.ESCALATION_WEBHOOK_URL ? { url: e.ESCALATION_WEBHOOK_URL, secret: e.ESCALATION_WEBHOOK_SECRET as string } : undefined,
      engineersChannel: e.ENGINEERS_CHANNEL,
      admins: list(e.ENGINEERS_ADMINS),
      handoffEvents: e.ESCALATION_HANDOFF_EVENTS === 'true',
    },
  };
}

function list(value: string | undefined): string[] {
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : [];
}

/** The subset safe to log: no passwords, tokens or connection strings. */
export function describeConfig(config: Config): Record<string, string | number | boolean> {
  return {
    localMode: config.localMode,
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    storage: config.storage.kind,
    appType: config.auth?.appType ?? 'none',
    attachmentHosts: config.attachments.allowedHosts.join(','),
    attachmentMaxBytes: config.attachments.maxBytes,
  };
}

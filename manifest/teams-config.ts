// The values the Teams app package is built from, read from environment variables and checked up front
// so a wrong value stops packaging with a message naming the variable, not with a schema error later.
import { isGuid, uuidV5 } from './uuid-v5.js';

/** Fixed namespace for deriving TEAMS_APP_ID from the bot id; never change it, or installed apps get a new id. */
export const TEAMS_APP_ID_NAMESPACE = 'be13bca9-a6c3-4a31-b2d1-4f442feb8e87';

export interface TeamsPackageConfig {
  /** The bot's Microsoft App ID (Entra app registration), the same value the bot reads as MicrosoftAppId. */
  microsoftAppId: string;
  /** Public host name the bot is served from, e.g. bot.contoso.com. */
  botHost: string;
  /** The Teams app's own id: stable across versions. */
  teamsAppId: string;
  appVersion: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

export interface ConfigProblem {
  variable: string;
  problem: string;
}

export class TeamsConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `Cannot build the Teams app package:\n${problems.map((p) => `  - ${p.variable} ${p.problem}`).join('\n')}`,
    );
    this.name = 'TeamsConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

// Teams app versions are plain MAJOR.MINOR.PATCH (no pre-release or build suffix).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
// A DNS name with a letters-only top-level label: Teams must reach the bot over public HTTPS on port 443.
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Teams app id derived from the bot id when TEAMS_APP_ID is not set. */
export function defaultTeamsAppId(microsoftAppId: string): string {
  return uuidV5(`teams-app:${microsoftAppId.toLowerCase()}`, TEAMS_APP_ID_NAMESPACE);
}

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined; // empty means "not set", as in .env files
}

function httpsUrl(env: Env, name: string, fallback: string, problems: ConfigProblem[]): string {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push({ variable: name, problem: `is not a URL: "${raw}"` });
    return fallback;
  }
  if (url.protocol !== 'https:')
    problems.push({ variable: name, problem: `must be an https:// URL, got "${raw}"` });
  return url.toString();
}

/**
 * Reads MicrosoftAppId, BOT_HOST, TEAMS_APP_ID (optional), APP_VERSION (optional, defaults to `defaultVersion`)
 * and the optional TEAMS_WEBSITE_URL / TEAMS_PRIVACY_URL / TEAMS_TERMS_URL overrides.
 * @throws TeamsConfigError listing every missing or invalid variable.
 */
export function readTeamsConfig(env: Env, defaultVersion: string): TeamsPackageConfig {
  const problems: ConfigProblem[] = [];

  const microsoftAppId = value(env, 'MicrosoftAppId') ?? '';
  if (!microsoftAppId) {
    problems.push({
      variable: 'MicrosoftAppId',
      problem: "is not set: use the bot's Microsoft App ID (a GUID), the same value the bot runs with",
    });
  } else if (!isGuid(microsoftAppId)) {
    problems.push({
      variable: 'MicrosoftAppId',
      problem: `must be a GUID like 00000000-0000-0000-0000-000000000000, got "${microsoftAppId}"`,
    });
  }

  const botHost = (value(env, 'BOT_HOST') ?? '').toLowerCase();
  if (!botHost) {
    problems.push({
      variable: 'BOT_HOST',
      problem: 'is not set: use the public host name the bot is served from, e.g. bot.contoso.com',
    });
  } else if (!HOST_NAME.test(botHost)) {
    problems.push({
      variable: 'BOT_HOST',
      problem: `must be a public host name only, e.g. bot.contoso.com (no https://, path, port or IP address), got "${botHost}"`,
    });
  }

  const explicitAppId = value(env, 'TEAMS_APP_ID');
  if (explicitAppId !== undefined && !isGuid(explicitAppId)) {
    problems.push({
      variable: 'TEAMS_APP_ID',
      problem: `must be a GUID, got "${explicitAppId}" (or leave it unset to derive one from MicrosoftAppId)`,
    });
  }
  const teamsAppId = (
    explicitAppId ?? (isGuid(microsoftAppId) ? defaultTeamsAppId(microsoftAppId) : '')
  ).toLowerCase();

  const appVersion = value(env, 'APP_VERSION') ?? defaultVersion;
  if (!SEMVER.test(appVersion)) {
    const source =
      value(env, 'APP_VERSION') === undefined ? ' (taken from package.json; set APP_VERSION)' : '';
    problems.push({
      variable: 'APP_VERSION',
      problem: `must be MAJOR.MINOR.PATCH like 1.0.0, got "${appVersion}"${source}`,
    });
  }

  const base = `https://${botHost}`;
  const websiteUrl = httpsUrl(env, 'TEAMS_WEBSITE_URL', `${base}/`, problems);
  const privacyUrl = httpsUrl(env, 'TEAMS_PRIVACY_URL', `${base}/privacy`, problems);
  const termsOfUseUrl = httpsUrl(env, 'TEAMS_TERMS_URL', `${base}/terms`, problems);

  if (problems.length > 0) throw new TeamsConfigError(problems);
  return {
    microsoftAppId: microsoftAppId.toLowerCase(),
    botHost,
    teamsAppId,
    appVersion,
    websiteUrl,
    privacyUrl,
    termsOfUseUrl,
  };
}

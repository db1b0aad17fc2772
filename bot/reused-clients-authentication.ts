// CloudAdapter asks its BotFrameworkAuthentication for a ConnectorClient and a UserTokenClient on every incoming
// activity, and the stock one builds both anew each time: two HTTP pipelines per turn (a large part of a turn's
// work, and pure waste for "expectReplies" turns that never call out). Both depend only on the bot's app id, the
// channel's service URL and the audience, so this wrapper keeps them per those and lets everything else through.
// The clients hold no per-conversation state (tokens are cached by AppCredentials, per app id and scope).
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { Lru } from '../knowledge/index.js';

/** Distinct (app id, service URL, audience) triples kept: a bot talks to a handful of channel endpoints. */
const MAX_CLIENTS = 64;

/** The bot's app id the way the SDK derives it: the audience claim from a channel, the appid claim from the emulator. */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** One cached promise per key; a failed creation is forgotten, so the next turn tries again. */
function cached<T>(cache: Lru<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const made = create();
  cache.set(key, made);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly appId: string,
    private readonly inner: ConnectorFactory,
    private readonly clients: Lru<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return cached(this.clients, `${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Lru<string, Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly tokenClients = new Lru<string, Promise<UserTokenClient>>(MAX_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReusedConnectors(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReusedConnectors(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(appIdOf(claimsIdentity), this.inner.createConnectorFactory(claimsIdentity), this.connectors);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return cached(this.tokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private withReusedConnectors(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new ReusingConnectorFactory(appIdOf(result.claimsIdentity), result.connectorFactory, this.connectors) };
  }
}

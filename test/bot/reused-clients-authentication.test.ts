import assert from 'node:assert/strict';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../bot/reused-clients-authentication.js';

const identity = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

/** The stock authentication's shape: a new connector factory per request, a new client per create() call. */
class CountingAuthentication extends BotFrameworkAuthentication {
  connectorsMade = 0;
  tokenClientsMade = 0;
  failNextConnector = false;

  async authenticateRequest(activity: Activity): Promise<AuthenticateRequestResult> {
    const appId = (activity.recipient?.id ?? '').replace(/^28:/, '');
    return { claimsIdentity: identity(appId), audience: 'https://api.botframework.com', callerId: `urn:botframework:test:${appId}`, connectorFactory: this.factory() };
  }

  async authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return { claimsIdentity: identity('streaming-app'), audience: 'aud', callerId: '', connectorFactory: this.factory() };
  }

  createConnectorFactory(): ConnectorFactory {
    return this.factory();
  }

  async createUserTokenClient(): Promise<UserTokenClient> {
    this.tokenClientsMade++;
    return { made: this.tokenClientsMade } as unknown as UserTokenClient;
  }

  private factory(): ConnectorFactory {
    const make = (serviceUrl: string): ConnectorClient => {
      if (this.failNextConnector) {
        this.failNextConnector = false;
        throw new Error('token endpoint unreachable');
      }
      this.connectorsMade++;
      return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
    };
    return new (class extends ConnectorFactory {
      async create(serviceUrl: string): Promise<ConnectorClient> {
        return make(serviceUrl);
      }
    })();
  }
}

const activityTo = (appId: string) => ({ type: 'message', recipient: { id: appId } }) as Activity;

describe('ReusedClientsAuthentication', () => {
  it('hands every turn of a channel endpoint the same connector client, and keeps endpoints and bots apart', async () => {
    const inner = new CountingAuthentication();
    const auth = new ReusedClientsAuthentication(inner);
    const clients: ConnectorClient[] = [];
    for (const [appId, url] of [['bot-a', 'https://smba.trafficmanager.net/emea/'], ['bot-a', 'https://smba.trafficmanager.net/emea/'], ['bot-a', 'https://directline.botframework.com/'], ['bot-b', 'https://smba.trafficmanager.net/emea/']]) {
      const result = await auth.authenticateRequest(activityTo(appId), 'Bearer x');
      clients.push(await result.connectorFactory!.create(url, result.audience));
    }
    assert.equal(clients[0], clients[1]);
    assert.notEqual(clients[0], clients[2]);
    assert.notEqual(clients[0], clients[3]);
    assert.equal(inner.connectorsMade, 3);
  });

  it('passes the authentication result through unchanged apart from the factory', async () => {
    const auth = new ReusedClientsAuthentication(new CountingAuthentication());
    const result = await auth.authenticateRequest(activityTo('bot-a'), 'Bearer x');
    assert.equal(result.callerId, 'urn:botframework:test:bot-a');
    assert.equal(result.audience, 'https://api.botframework.com');
    assert.equal(result.claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim), 'bot-a');
  });

  it('forgets a failed creation, so the next turn tries again', async () => {
    const inner = new CountingAuthentication();
    const auth = new ReusedClientsAuthentication(inner);
    inner.failNextConnector = true;
    const first = await auth.authenticateRequest(activityTo('bot-a'), 'Bearer x');
    await assert.rejects(first.connectorFactory!.create('https://smba.example/', first.audience), /token endpoint unreachable/);
    const second = await auth.authenticateRequest(activityTo('bot-a'), 'Bearer x');
    const client = await second.connectorFactory!.create('https://smba.example/', second.audience);
    assert.ok(client instanceof ConnectorClient);
    assert.equal(inner.connectorsMade, 1);
  });

  it('keeps one user-token client per bot, and reuses connectors for proactive factories too', async () => {
    const inner = new CountingAuthentication();
    const auth = new ReusedClientsAuthentication(inner);
    const a1 = await auth.createUserTokenClient(identity('bot-a'));
    const a2 = await auth.createUserTokenClient(identity('bot-a'));
    const b = await auth.createUserTokenClient(identity('bot-b'));
    assert.equal(a1, a2);
    assert.notEqual(a1, b);
    assert.equal(inner.tokenClientsMade, 2);
    const proactive = await auth.createConnectorFactory(identity('bot-a')).create('https://smba.example/');
    const fromTurn = await (await auth.authenticateRequest(activityTo('bot-a'), 'Bearer x')).connectorFactory!.create('https://smba.example/');
    assert.equal(proactive, fromTurn);
  });
});

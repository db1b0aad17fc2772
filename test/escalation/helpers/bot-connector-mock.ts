// nock for the outside services Teams messages go through: the Microsoft identity platform (token endpoint and
// the metadata MSAL reads first) and the Bot Connector at smba.trafficmanager.net. Records every posted activity.
import nock from 'nock';

export const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
export const TENANT = '72f988bf-0000-0000-0000-000000000001';

export interface PostedActivity {
  conversationId: string;
  body: Record<string, unknown>;
}

const LOGIN = 'https://login.microsoftonline.com';

export function mockIdentityPlatform(): { tokenRequests: () => number } {
  let tokens = 0;
  const tenant = 'botframework.com';
  const openId = {
    token_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/authorize`,
    issuer: `${LOGIN}/${tenant}/v2.0`,
    jwks_uri: `${LOGIN}/${tenant}/discovery/v2.0/keys`,
    end_session_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/logout`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
  };
  nock(LOGIN)
    .persist()
    .get(/\/discovery\/instance/)
    .reply(200, {
      tenant_discovery_endpoint: `${LOGIN}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] }],
    })
    .get(/\/v2\.0\/\.well-known\/openid-configuration/)
    .reply(200, openId)
    .post(/\/oauth2\/v2\.0\/token/)
    .reply(() => {
      tokens += 1;
      return [200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: `token-${tokens}` }];
    });
  return { tokenRequests: () => tokens };
}

/** Accepts every activity the bot posts to the connector; answers ids "1700000000001", "1700000000002"... */
export function mockConnector(): PostedActivity[] {
  const posted: PostedActivity[] = [];
  let next = 1_700_000_000_000;
  nock('https://smba.trafficmanager.net')
    .persist()
    .post(/^\/amer\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
    .reply(function (uri, body) {
      const conversationId = decodeURIComponent(/\/conversations\/([^/]+)\/activities/.exec(uri)![1]);
      posted.push({ conversationId, body: body as Record<string, unknown> });
      next += 1;
      return [200, { id: String(next) }];
    });
  return posted;
}

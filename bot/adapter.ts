// The channel adapter: CloudAdapter authenticated by ConfigurationBotFrameworkAuthentication, its outbound clients
// reused between turns (reused-clients-authentication.ts). Without app credentials CloudAdapter skips inbound auth,
// which is why local mode is bound to loopback (see config.ts).
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from './config.js';
import { ReusedClientsAuthentication } from './reused-clients-authentication.js';

export function createAdapter(config: Config): CloudAdapter {
  const options: Partial<ConfigurationBotFrameworkAuthenticationOptions> = config.auth
    ? {
        MicrosoftAppId: config.auth.appId,
        MicrosoftAppPassword: config.auth.appPassword ?? '',
        MicrosoftAppType: config.auth.appType,
        MicrosoftAppTenantId: config.auth.tenantId ?? '',
      }
    : {};
  return new CloudAdapter(new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication(options as ConfigurationBotFrameworkAuthenticationOptions)));
}

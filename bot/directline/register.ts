// Wiring for the web chat's Direct Line side: POST /api/directline/token always; the embedded Direct Line 3.0
// endpoints only when no secret is configured and the bot runs in local mode.
import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from '../log.js';
import { loopbackDelivery, type BotDelivery } from './bot-delivery.js';
import type { ConversationStoreOptions } from './conversation-store.js';
import { preflightHandler } from './cors.js';
import { DirectLineError } from './errors.js';
import { LocalDirectLine } from './local-directline.js';
import { registerLocalDirectLineRoutes } from './local-routes.js';
import { ownBaseUrlOf } from './own-base-url.js';
import { tokenRoute, type DirectLineMode } from './token-route.js';

export interface DirectLineRoutesDeps {
  /** DIRECTLINE_SECRET: when set, Web Chat talks to the Direct Line service and the embedded endpoints stay off. */
  secret?: string;
  /** DIRECTLINE_ENDPOINT: regional Direct Line base URL (default https://directline.botframework.com/v3/directline). */
  endpoint?: string;
  /** Config.localMode: the embedded Direct Line delivers turns through the unauthenticated loopback /api/messages. */
  localMode: boolean;
  /** WEBCHAT_EMBED_ORIGINS: other sites allowed to call these endpoints from a browser. */
  corsOrigins?: readonly string[];
  log: Logger;
  /** Defaults to the server's own listening address. */
  ownBaseUrl?: () => string;
  /** Defaults to POST {ownBaseUrl}/api/messages with deliveryMode "expectReplies". */
  deliver?: BotDelivery;
  conversations?: ConversationStoreOptions;
  tokenTtlSeconds?: number;
}

export interface DirectLineRoutes {
  mode: DirectLineMode;
  /** The embedded Direct Line, when it is on. */
  directLine?: LocalDirectLine;
  /**
   * Puts a bot message into an embedded-Direct-Line conversation outside a turn (escalation relays). With the cloud
   * Direct Line use the adapter's continueConversationAsync instead; this then throws a 404 DirectLineError.
   */
  appendBotActivity(conversationId: string, activity: Partial<Activity>): string;
}

export function registerDirectLineRoutes(server: Server, deps: DirectLineRoutesDeps): DirectLineRoutes {
  const corsOrigins = deps.corsOrigins ?? [];
  const ownBaseUrl = deps.ownBaseUrl ?? ownBaseUrlOf(server);
  let mode: DirectLineMode;
  let directLine: LocalDirectLine | undefined;
  if (deps.secret) {
    mode = { kind: 'cloud', client: { secret: deps.secret, endpoint: deps.endpoint } };
  } else if (deps.localMode || deps.deliver) {
    directLine = new LocalDirectLine({
      deliver: deps.deliver ?? loopbackDelivery(() => `${ownBaseUrl()}/api/messages`),
      ownBaseUrl,
      log: deps.log,
      tokenTtlSeconds: deps.tokenTtlSeconds,
      ...deps.conversations,
    });
    mode = { kind: 'embedded', directLine };
    registerLocalDirectLineRoutes(server, { directLine, corsOrigins, log: deps.log });
  } else {
    mode = {
      kind: 'disabled',
      reason:
        'Web chat needs DIRECTLINE_SECRET when the bot runs with app credentials (the embedded Direct Line only works in local mode).',
    };
  }
  server.post('/api/directline/token', tokenRoute({ mode, corsOrigins, log: deps.log }));
  server.opts('/api/directline/token', preflightHandler(corsOrigins));
  return {
    mode,
    directLine,
    appendBotActivity(conversationId, activity) {
      if (!directLine)
        throw new DirectLineError(
          404,
          'NotFound',
          'The embedded Direct Line is off (DIRECTLINE_SECRET is set or the bot is not in local mode).',
        );
      return directLine.appendBotActivity(conversationId, activity);
    },
  };
}

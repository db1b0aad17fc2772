// POST /api/directline/token: what the chat page calls first. With a Direct Line secret it exchanges the secret for
// a conversation token bound to a fresh per-user id (the secret never reaches the browser); without one it starts a
// conversation on the embedded Direct Line. Either way the page gets { token, conversationId, userId, domain, ... }.
import type { Request, Response } from 'restify';
import type { Logger } from '../log.js';
import { errorContext } from '../turn-error.js';
import { randomId } from './conversation-store.js';
import { applyCors } from './cors.js';
import { DirectLineServiceError } from './errors.js';
import type { LocalDirectLine } from './local-directline.js';
import { generateToken, type TokenClientOptions } from './token-client.js';

/** What the page needs to start Web Chat. */
export interface ChatSession {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
  /** Direct Line base URL ("/v3/directline" for the embedded one; absent = Web Chat's default cloud endpoint). */
  domain?: string;
  /** False for the embedded Direct Line, which has no stream URL: Web Chat polls. */
  webSocket: boolean;
}

export type DirectLineMode =
  | { kind: 'cloud'; client: TokenClientOptions }
  | { kind: 'embedded'; directLine: LocalDirectLine }
  /** No secret and not in local mode: the embedded endpoint cannot reach the bot without authentication. */
  | { kind: 'disabled'; reason: string };

export interface TokenRouteDeps {
  mode: DirectLineMode;
  corsOrigins: readonly string[];
  log: Logger;
}

export function tokenRoute(deps: TokenRouteDeps) {
  return async function directLineTokenHandler(req: Request, res: Response): Promise<void> {
    applyCors(req, res, deps.corsOrigins);
    res.header('cache-control', 'no-store');
    const mode = deps.mode;
    if (mode.kind === 'disabled') {
      res.send(503, { error: 'webchat-disabled', message: mode.reason });
      return;
    }
    if (mode.kind === 'embedded') {
      const info = mode.directLine.createConversation();
      const session: ChatSession = {
        token: info.token,
        conversationId: info.conversationId,
        userId: info.userId,
        expiresIn: info.expires_in,
        domain: '/v3/directline',
        webSocket: false,
      };
      res.send(200, session);
      return;
    }
    // "dl_" user ids are reserved for ids a token fixes, so a client cannot impersonate another user.
    const userId = `dl_${randomId()}`;
    try {
      const generated = await generateToken(mode.client, userId);
      const session: ChatSession = {
        token: generated.token,
        conversationId: generated.conversationId,
        userId,
        expiresIn: generated.expires_in,
        domain: mode.client.endpoint,
        webSocket: true,
      };
      res.send(200, session);
    } catch (err) {
      const known = err instanceof DirectLineServiceError;
      deps.log.error('direct line token exchange failed', {
        ...errorContext(err),
        status: known ? err.status : undefined,
        detail: known ? err.message : undefined,
      });
      res.send(502, {
        error: 'directline-unavailable',
        message: 'The chat service is not available right now; please try again later.',
      });
    }
  };
}

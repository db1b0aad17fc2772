// HTTP face of the embedded Direct Line 3.0: the subset Web Chat uses when polling (no streamUrl), plus the file
// links the bot downloads uploads from and a connector endpoint for the bot's proactive messages.
import { timingSafeEqual } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../log.js';
import { errorContext } from '../turn-error.js';
import { applyCors, preflightHandler } from './cors.js';
import { DirectLineError } from './errors.js';
import type { LocalDirectLine } from './local-directline.js';
import { readUpload } from './multipart-upload.js';
import { bearerToken, type TokenClaims } from './token-signer.js';

export interface LocalRoutesDeps {
  directLine: LocalDirectLine;
  /** Origins (besides the bot's own) allowed to call these endpoints from a browser. */
  corsOrigins: readonly string[];
  log: Logger;
}

const BASE = '/v3/directline';
const JSON_LIMIT = 256 * 1024;
const CONNECTOR_JSON_LIMIT = 1024 * 1024;
/** Types a browser may render in place; anything else downloads (an uploaded .html or .svg must never run here). */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

type Handler = (req: Request, res: Response) => Promise<void> | void;

export function sendDirectLineError(res: Response, err: unknown, log: Logger, route: string): void {
  if (err instanceof DirectLineError) {
    res.send(err.status, err.toBody());
    return;
  }
  log.error('direct line request failed', { route, ...errorContext(err) });
  res.send(
    500,
    new DirectLineError(500, 'ServiceError', 'The request failed; the server log has the details.').toBody(),
  );
}

function guarded(deps: LocalRoutesDeps, route: string, handler: Handler): Handler {
  return async (req, res) => {
    applyCors(req, res, deps.corsOrigins);
    res.header('cache-control', 'no-store');
    try {
      await handler(req, res);
    } catch (err) {
      sendDirectLineError(res, err, deps.log, route);
    }
  };
}

function claimsFor(
  deps: LocalRoutesDeps,
  req: Request,
  conversationId?: string,
): { claims: TokenClaims; token: string } {
  const token = bearerToken(req.header('authorization'));
  return { claims: deps.directLine.tokens.verify(token, conversationId), token };
}

const param = (req: Request, name: string): string =>
  String((req.params as Record<string, unknown> | undefined)?.[name] ?? '');

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerLocalDirectLineRoutes(server: Server, deps: LocalRoutesDeps): void {
  const dl = deps.directLine;
  const json = (limit: number) =>
    restify.plugins.bodyParser({ maxBodySize: limit, mapParams: false, mapFiles: false });
  const conv = `${BASE}/conversations/:conversationId`;

  server.post(
    `${BASE}/conversations`,
    json(JSON_LIMIT),
    guarded(deps, 'start', (req, res) => {
      const { claims, token } = claimsFor(deps, req);
      const { userId: _userId, ...answer } = dl.startConversation(
        claims,
        token,
        Math.max(0, claims.exp - Math.floor(Date.now() / 1000)),
      );
      res.send(201, answer);
    }),
  );

  server.get(
    conv,
    guarded(deps, 'reconnect', (req, res) => {
      const { claims, token } = claimsFor(deps, req, param(req, 'conversationId'));
      const { userId: _userId, ...answer } = dl.reconnect(claims, token);
      res.send(200, answer);
    }),
  );

  server.get(
    `${conv}/activities`,
    guarded(deps, 'activities', (req, res) => {
      const { claims } = claimsFor(deps, req, param(req, 'conversationId'));
      const watermark = new URL(req.url ?? '', 'http://x').searchParams.get('watermark') ?? undefined;
      res.send(200, dl.activities(claims, watermark));
    }),
  );

  server.post(
    `${conv}/activities`,
    json(JSON_LIMIT),
    guarded(deps, 'post', (req, res) => {
      const { claims } = claimsFor(deps, req, param(req, 'conversationId'));
      res.send(200, { id: dl.post(claims, req.body) });
    }),
  );

  server.post(
    `${conv}/upload`,
    guarded(deps, 'upload', async (req, res) => {
      const { claims } = claimsFor(deps, req, param(req, 'conversationId'));
      const userId = new URL(req.url ?? '', 'http://x').searchParams.get('userId');
      if (userId !== null && !sameSecret(userId, claims.user))
        throw new DirectLineError(403, 'Forbidden', 'The userId does not match the token.');
      const upload = await readUpload(req);
      res.send(200, { id: dl.upload(claims, upload.activity, upload.files) });
    }),
  );

  server.get(
    `${conv}/attachments/:attachmentId`,
    guarded(deps, 'attachment', (req, res) => {
      const file = dl.attachment(param(req, 'conversationId'), param(req, 'attachmentId'));
      const inline = INLINE_TYPES.has(file.contentType.toLowerCase());
      res.writeHead(200, {
        'content-type': inline ? file.contentType : 'application/octet-stream',
        'content-length': String(file.data.length),
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'content-security-policy': "default-src 'none'; sandbox",
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
      res.end(file.data);
    }),
  );

  server.post(
    `${BASE}/tokens/refresh`,
    guarded(deps, 'refresh', (req, res) => {
      const { claims } = claimsFor(deps, req);
      const { userId: _userId, ...answer } = dl.refresh(claims);
      res.send(200, answer);
    }),
  );

  // The bot's connector calls (continueConversation / sendActivity outside a turn) arrive here; the random key in the
  // path was only ever given to the bot as its serviceUrl.
  const connector: Handler = (req, res) => {
    if (!sameSecret(param(req, 'key'), dl.connectorKey))
      throw new DirectLineError(404, 'NotFound', 'Not found.');
    if (typeof req.body !== 'object' || req.body === null)
      throw new DirectLineError(400, 'BadArgument', 'Send an activity as JSON.');
    res.send(200, { id: dl.appendBotActivity(param(req, 'conversationId'), req.body) });
  };
  const connectorBase = `${BASE}/connector/:key/v3/conversations/:conversationId/activities`;
  server.post(connectorBase, json(CONNECTOR_JSON_LIMIT), guarded(deps, 'connector', connector));
  server.post(
    `${connectorBase}/:activityId`,
    json(CONNECTOR_JSON_LIMIT),
    guarded(deps, 'connector', connector),
  );

  const preflight = preflightHandler(deps.corsOrigins);
  for (const path of [
    `${BASE}/conversations`,
    conv,
    `${conv}/activities`,
    `${conv}/upload`,
    `${BASE}/tokens/refresh`,
  ])
    server.opts(path, preflight);
}

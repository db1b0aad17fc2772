// CORS for the token and Direct Line endpoints, only for origins the configuration names (WEBCHAT_EMBED_ORIGINS):
// the bot's own /chat page is same-origin and needs none. Tokens travel in headers, never cookies, so no credentials.
import type { Request, Response } from 'restify';

const ALLOWED_HEADERS = 'authorization, content-type, accept, x-ms-bot-agent, x-requested-with';

export function allowedOrigin(req: Request, origins: readonly string[]): string | undefined {
  const origin = req.header('origin');
  return origin && origins.includes(origin) ? origin : undefined;
}

/** Adds CORS headers to a response when the request's Origin is allowed. */
export function applyCors(req: Request, res: Response, origins: readonly string[]): void {
  res.header('vary', 'Origin');
  const origin = allowedOrigin(req, origins);
  if (origin) {
    res.header('access-control-allow-origin', origin);
    res.header('access-control-expose-headers', 'content-type');
  }
}

/** Answers a preflight: 204 with the allowed methods and headers for allowed origins, 403 otherwise. */
export function preflightHandler(origins: readonly string[]) {
  return async function preflight(req: Request, res: Response): Promise<void> {
    const origin = allowedOrigin(req, origins);
    if (!origin) {
      res.send(403, {
        error: {
          code: 'Forbidden',
          message: 'This origin may not call the chat endpoints (see WEBCHAT_EMBED_ORIGINS).',
        },
      });
      return;
    }
    res.header('vary', 'Origin');
    res.header('access-control-allow-origin', origin);
    res.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.header('access-control-allow-headers', ALLOWED_HEADERS);
    res.header('access-control-max-age', '600');
    res.send(204);
  };
}

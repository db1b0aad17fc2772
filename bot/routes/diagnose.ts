// POST /api/diagnose: the shared engine's third door. Answers exactly the JSON of `cli diagnose --json`.
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import { diagnoseInputs } from '../../knowledge/index.js';
import type { KnowledgeBase } from '../../knowledge/kb-loader/load.js';
import type { IngestOptions } from '../../knowledge/ingest/types.js';
import type { Logger } from '../log.js';
import { errorContext } from '../turn-error.js';
import type { TurnTracker } from '../turn-tracker.js';
import { DiagnoseRequestError, parseDiagnoseBody } from './diagnose-request.js';

export interface DiagnoseRouteDeps {
  kb: KnowledgeBase;
  ingestOptions: IngestOptions;
  maxFileBytes: number;
  /** When set, requests must send `Authorization: Bearer <token>`. */
  token?: string;
  /** False when the bot is public and no token is configured: the endpoint then refuses every request. */
  enabled: boolean;
  tracker: TurnTracker;
  log: Logger;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function diagnoseRoute(deps: DiagnoseRouteDeps) {
  return async function diagnoseHandler(req: Request, res: Response): Promise<void> {
    if (!deps.enabled) {
      res.send(403, { error: 'disabled', message: 'POST /api/diagnose needs DIAGNOSE_API_TOKEN when the bot is not in local mode.' });
      return;
    }
    if (deps.token && !bearerMatches(req.header('authorization'), deps.token)) {
      res.send(401, { error: 'unauthorized', message: 'Send Authorization: Bearer <DIAGNOSE_API_TOKEN>.' });
      return;
    }
    if (deps.tracker.isDraining) {
      res.header('connection', 'close');
      res.send(503, { error: 'shutting-down' });
      return;
    }
    await deps.tracker.track(async () => {
      try {
        const request = parseDiagnoseBody(req.body, deps.maxFileBytes);
        res.send(200, await diagnoseInputs(request, deps.kb, deps.ingestOptions));
      } catch (err) {
        if (err instanceof DiagnoseRequestError) {
          res.send(400, { error: 'invalid-request', problems: err.problems });
          return;
        }
        deps.log.error('diagnose request failed', { route: '/api/diagnose', ...errorContext(err) });
        res.send(500, { error: 'internal', message: 'The diagnosis failed; the server log has the details.' });
      }
    });
  };
}

// The engineers' API: GET /api/tickets, GET /api/tickets/:id, POST /api/tickets/:id/actions. Off (404) without
// ENGINEERS_API_KEY; every request needs "Authorization: Bearer <key>".
import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log.js';
import { errorContext } from '../../turn-error.js';
import { TicketInputError, TicketNotFoundError, TicketStateError } from '../errors.js';
import type { EscalationService, TicketAction } from '../escalation-service.js';
import { TICKET_STATUSES } from '../types.js';
import { publicTicket, ticketSummary } from '../ticket-view.js';
import { apiKeyMatches } from './api-key.js';

export interface TicketRouteDeps {
  service: EscalationService;
  /** Absent: the API is off. */
  apiKey?: string;
  log: Logger;
}

const actionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('take'), by: z.string().min(1).max(100) }),
  z.object({ action: z.literal('wait'), by: z.string().min(1).max(100), note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('resolve'), by: z.string().min(1).max(100), causeId: z.string().min(1).max(200), note: z.string().max(4000).optional() }),
  z.object({ action: z.literal('close'), by: z.string().min(1).max(100), note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('message'), by: z.string().min(1).max(100), text: z.string().min(1).max(8000) }),
]);

function toAction(body: z.infer<typeof actionSchema>): TicketAction {
  switch (body.action) {
    case 'take':
      return { kind: 'take', by: body.by };
    case 'wait':
      return { kind: 'wait', by: body.by, note: body.note };
    case 'resolve':
      return { kind: 'resolve', by: body.by, causeId: body.causeId, note: body.note };
    case 'close':
      return { kind: 'close', by: body.by, note: body.note };
    case 'message':
      return { kind: 'message', by: body.by, text: body.text, via: 'console' };
  }
}

function guard(deps: TicketRouteDeps, handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    res.header('cache-control', 'no-store');
    if (!deps.apiKey) {
      res.send(404, { error: 'disabled', message: 'The tickets API is off: set ENGINEERS_API_KEY to turn it on.' });
      return;
    }
    if (!apiKeyMatches(req.header('authorization'), deps.apiKey)) {
      res.send(401, { error: 'unauthorized', message: 'Send Authorization: Bearer <ENGINEERS_API_KEY>.' });
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof TicketNotFoundError) res.send(404, { error: 'not-found', message: err.message });
      else if (err instanceof TicketStateError) res.send(409, { error: 'conflict', message: err.message });
      else if (err instanceof TicketInputError) res.send(400, { error: 'invalid-request', message: err.message });
      else {
        deps.log.error('tickets API failed', { route: req.getRoute()?.path?.toString(), ...errorContext(err) });
        res.send(500, { error: 'internal', message: 'The request failed; the server log has the details.' });
      }
    }
  };
}

function ticketId(req: Request): number {
  const id = Number(req.params?.id);
  if (!Number.isInteger(id) || id < 1) throw new TicketInputError('the ticket id must be a positive whole number');
  return id;
}

export function registerTicketRoutes(server: Server, deps: TicketRouteDeps): void {
  const { service } = deps;
  server.get(
    '/api/tickets',
    guard(deps, async (req, res) => {
      const status = typeof req.query?.status === 'string' ? req.query.status : undefined;
      if (status !== undefined && !(TICKET_STATUSES as readonly string[]).includes(status)) throw new TicketInputError(`status must be one of ${TICKET_STATUSES.join(', ')}`);
      const tickets = await service.tickets.list({ status: status as (typeof TICKET_STATUSES)[number] | undefined, limit: Number(req.query?.limit) || undefined });
      res.send(200, { tickets: tickets.map(ticketSummary) });
    }),
  );
  server.get(
    '/api/tickets/:id',
    guard(deps, async (req, res) => {
      const id = ticketId(req);
      const ticket = await service.tickets.get(id);
      if (!ticket) throw new TicketNotFoundError(id);
      const deliveries = (await service.outbox.forTicket(id)).map((d) => ({
        kind: d.kind,
        attempts: d.attempts,
        delivered: d.doneAt !== undefined && !d.failed,
        failed: d.failed,
        lastError: d.lastError,
      }));
      res.send(200, { ticket: publicTicket(ticket), deliveries });
    }),
  );
  server.post(
    '/api/tickets/:id/actions',
    restify.plugins.bodyParser({ maxBodySize: 64 * 1024, mapParams: false, mapFiles: false }),
    guard(deps, async (req, res) => {
      const id = ticketId(req);
      const parsed = actionSchema.safeParse(req.body ?? {});
      if (!parsed.success) throw new TicketInputError(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      const ticket = await service.act(id, toAction(parsed.data));
      res.send(200, { ticket: publicTicket(ticket) });
    }),
  );
}

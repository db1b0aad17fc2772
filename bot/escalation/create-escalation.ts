// One call for the composition root: opens the escalation tables next to the bot state and returns the service,
// the adapter middleware, the hook for the dialogs, the upload recorder, the routes and an orderly close.
import type { Server } from 'restify';
import type { Middleware } from 'botbuilder';
import type { Config } from '../config.js';
import { escalationMiddleware } from './escalation-middleware.js';
import { EscalationService, type EscalationOptions } from './escalation-service.js';
import { recordUploads, type FileCollectorLike } from './packet/index.js';
import { registerConsolePage, registerTicketRoutes } from './routes/index.js';
import { openEscalationDb } from './store/index.js';

export interface Escalation {
  service: EscalationService;
  /** `services.escalate` for the dialogs. */
  escalate: EscalationService['escalate'];
  /** `adapter.use(escalation.middleware)`: relay, card actions, handoff events, transcript. */
  middleware: Middleware;
  /** Wraps the attachment collector so the packet gets a redacted copy of every upload. */
  recordUploads(collector: FileCollectorLike): FileCollectorLike;
  /** GET /api/tickets, GET /api/tickets/:id, POST /api/tickets/:id/actions, GET /engineers. */
  registerRoutes(server: Server): void;
  /** Starts the outbox worker; call once the server listens. */
  start(): void;
  /** Stops the worker and closes the escalation database; call before closing the bot's storage. */
  close(): Promise<void>;
}

export interface CreateEscalationOptions extends Omit<EscalationOptions, 'db'> {
  storage: Config['storage'];
  /** ENGINEERS_API_KEY; absent: the tickets API is off (the console page then says so). */
  apiKey?: string;
  ingestOptions?: { maxFileBytes?: number };
}

export async function createEscalation(options: CreateEscalationOptions): Promise<Escalation> {
  const { storage, apiKey, ingestOptions, ...rest } = options;
  const db = await openEscalationDb(storage);
  const service = new EscalationService({ ...rest, db });
  let closed: Promise<void> | undefined;
  return {
    service,
    escalate: service.escalate,
    middleware: escalationMiddleware(service),
    recordUploads: (collector) => recordUploads(collector, service.conversations, options.log, ingestOptions),
    registerRoutes(server) {
      registerTicketRoutes(server, { service, apiKey, log: options.log });
      registerConsolePage(server);
    },
    start: () => service.start(),
    close() {
      closed ??= (async () => {
        await service.close();
        await db.close();
      })();
      return closed;
    },
  };
}

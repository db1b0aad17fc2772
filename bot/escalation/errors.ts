// Typed escalation errors: the routes map them to HTTP statuses, the dialogs to an honest "no ticket was created".

export class EscalationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EscalationError';
  }
}

/** The ticket store failed (open, write, read); carries the operation. */
export class TicketStoreError extends EscalationError {
  constructor(
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(`ticket store failed to ${operation}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
    this.name = 'TicketStoreError';
  }
}

export class TicketNotFoundError extends EscalationError {
  constructor(readonly ticketId: number) {
    super(`ticket ${ticketId} does not exist`);
    this.name = 'TicketNotFoundError';
  }
}

/** An action that the ticket's current state does not allow (resolving a closed ticket, messaging after the chat ended). */
export class TicketStateError extends EscalationError {
  constructor(
    readonly ticketId: number,
    message: string,
  ) {
    super(`ticket ${ticketId}: ${message}`);
    this.name = 'TicketStateError';
  }
}

/** A request the caller got wrong (unknown knowledge-base id, empty message). */
export class TicketInputError extends EscalationError {
  constructor(message: string) {
    super(message);
    this.name = 'TicketInputError';
  }
}

/** A delivery (webhook, Teams, user conversation) failed; the outbox retries it unless `permanent`. */
export class DeliveryError extends EscalationError {
  constructor(
    message: string,
    readonly permanent = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

/** ENGINEERS_CHANNEL (or a stored channel) is not a usable conversation reference. */
export class ChannelReferenceError extends EscalationError {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelReferenceError';
  }
}

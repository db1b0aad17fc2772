// What a trace says, read once into plain facts; evidence.ts turns them into Evidence, timeline.ts into steps.
import { authorizationFact, headerValues, offeredBy, type AuthorizationFact } from './headers.js';
import { authTypeName, impersonationLevelName, notificationName, normaliseStatus } from './names.js';
import type { FrebEvent, FrebTrace } from './read-trace.js';

export interface ErrorStatusFact {
  event: FrebEvent;
  module: string;
  notification: string;
  status: string;
  /** ErrorCode as written (unsigned decimal HRESULT). */
  errorCode: string;
  configException: string;
}

export interface AuthFacts {
  requested?: { event: FrebEvent; type: string };
  succeeded?: { event: FrebEvent; authType: string; ntlmUsed: string; level: string; levelRaw: string };
  failure?: FrebEvent;
  userSet?: FrebEvent;
}

export interface FrebFacts {
  status: string;
  statusEvent?: FrebEvent;
  firstError?: ErrorStatusFact;
  /** Every MODULE_SET_RESPONSE_ERROR_STATUS, first included (their codes are all evidence). */
  errors: ErrorStatusFact[];
  auth: AuthFacts;
  authorization?: { event: FrebEvent } & AuthorizationFact;
  wwwAuthenticate?: { event: FrebEvent; schemes: string[] };
  fileAccess?: FrebEvent;
  responseBody?: { event: FrebEvent; raw: string };
  truncateEvent?: FrebEvent;
  requestStart?: FrebEvent;
  /** The event that names the client and server addresses (GENERAL_ENDPOINT_INFORMATION). */
  endpoint?: FrebEvent;
}

/** AUTH_* events that mean a failed attempt (AUTH_SSPI_CONTINUE_NEEDED is a normal handshake step). */
export function isAuthFailure(name: string): boolean {
  return /^AUTH_/.test(name) && /(FAIL|DENIED|ERROR|NULL_SESSION|PASSWD_CHANGE|EXPIRED)/.test(name);
}

function errorStatus(e: FrebEvent): ErrorStatusFact {
  return {
    event: e,
    module: e.data.ModuleName ?? '',
    notification: notificationName(e.data.Notification, e.descriptions.Notification),
    status: normaliseStatus(e.data.HttpStatus, e.data.HttpSubStatus),
    errorCode: (e.data.ErrorCode ?? '').trim(),
    configException: (e.data.ConfigExceptionInfo ?? '').trim(),
  };
}

const MAX_BODY_CHARS = 64 * 1024;

function readAuth(events: FrebEvent[]): AuthFacts {
  const auth: AuthFacts = {};
  for (const e of events) {
    if (e.name === 'AUTH_REQUEST_AUTH_TYPE' && !auth.requested) {
      auth.requested = {
        event: e,
        type: authTypeName(e.data.RequestAuthType, e.descriptions.RequestAuthType),
      };
    } else if (e.name === 'AUTH_SUCCEEDED') {
      auth.succeeded = {
        event: e,
        authType: authTypeName(e.data.AuthType, e.descriptions.AuthType),
        ntlmUsed: (e.data.NTLMUsed ?? '').toLowerCase(),
        level: impersonationLevelName(e.data.TokenImpersonationLevel, e.descriptions.TokenImpersonationLevel),
        levelRaw: e.descriptions.TokenImpersonationLevel || e.data.TokenImpersonationLevel || '',
      };
    } else if (isAuthFailure(e.name) && !auth.failure) {
      auth.failure = e;
    } else if (e.name === 'USER_SET' && !auth.userSet) {
      auth.userSet = e;
    }
  }
  return auth;
}

/** Reads every fact the parser reports from a trace. */
export function readFacts(trace: FrebTrace): FrebFacts {
  const { events, root } = trace;
  const errors = events.filter((e) => e.name === 'MODULE_SET_RESPONSE_ERROR_STATUS').map(errorStatus);
  const end = events.find((e) => e.name === 'GENERAL_REQUEST_END');
  const status =
    normaliseStatus(root.statusCode) ||
    (end ? normaliseStatus(end.data.HttpStatus, end.data.HttpSubStatus) : '') ||
    (errors[0]?.status ?? '');
  const facts: FrebFacts = {
    status,
    statusEvent: end,
    firstError: errors[0],
    errors,
    auth: readAuth(events),
    requestStart: events.find((e) => e.name === 'GENERAL_REQUEST_START'),
    endpoint: events.find((e) => e.data.RemoteAddress !== undefined && e.data.LocalAddress !== undefined),
    fileAccess: events.find((e) => e.name === 'FILE_CACHE_ACCESS_START' && (e.data.UserName ?? '') !== ''),
    truncateEvent: events.find((e) => e.name === 'LOG_FILE_MAX_SIZE_TRUNCATE'),
  };
  const reqHeaders = events.find((e) => e.name === 'GENERAL_REQUEST_HEADERS');
  if (reqHeaders)
    facts.authorization = { event: reqHeaders, ...authorizationFact(reqHeaders.data.Headers ?? '') };
  // Challenges appear in the final header block and in headers modules set on the way.
  const offered: string[] = [];
  let offerEvent: FrebEvent | undefined;
  for (const e of events) {
    let values: string[] = [];
    if (e.name === 'GENERAL_RESPONSE_HEADERS')
      values = headerValues(e.data.Headers ?? '', 'WWW-Authenticate');
    else if (
      e.name === 'GENERAL_SET_RESPONSE_HEADER' &&
      /^www-authenticate$/i.test(e.data.HeaderName ?? '')
    ) {
      values = [e.data.HeaderValue ?? ''];
    }
    if (values.length > 0) {
      offerEvent ??= e;
      for (const s of offeredBy(values)) if (!offered.includes(s)) offered.push(s);
    }
  }
  if (offerEvent) facts.wwwAuthenticate = { event: offerEvent, schemes: offered };
  const bodies = events.filter((e) => e.name === 'GENERAL_RESPONSE_ENTITY_BUFFER');
  if (bodies.length > 0) {
    const raw = bodies
      .map((b) => b.data.Buffer ?? '')
      .join('')
      .slice(0, MAX_BODY_CHARS);
    facts.responseBody = { event: bodies[0], raw };
  }
  return facts;
}

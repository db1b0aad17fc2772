// The request's pipeline as steps for the report page: each module's notification with its duration (from
// NOTIFY_MODULE_START/END times), authentication events, and the step that set the error status, marked failed.
import type { RequestTimeline, TimelineStep } from '../types.js';
import { redactText } from '../redact/index.js';
import { isAuthFailure, type FrebFacts } from './facts.js';
import { authTypeName, notificationName } from './names.js';
import type { FrebEvent, FrebTrace } from './read-trace.js';

const MAX_STEPS = 1000;
const INFO_EVENTS = new Set([
  'GENERAL_REQUEST_START',
  'GENERAL_REQUEST_END',
  'GENERAL_SEND_CUSTOM_ERROR',
  'FILE_CACHE_ACCESS_START',
  'LOG_FILE_MAX_SIZE_TRUNCATE',
]);

interface OpenModule {
  step: TimelineStep;
  module: string;
  notification: string;
  startMs: number;
}

function authDetail(e: FrebEvent): string {
  const d = e.data;
  if (e.name === 'AUTH_SUCCEEDED') {
    return `AuthType=${authTypeName(d.AuthType, e.descriptions.AuthType)} NTLMUsed=${d.NTLMUsed ?? ''} TokenImpersonationLevel=${e.descriptions.TokenImpersonationLevel ?? d.TokenImpersonationLevel ?? ''}`;
  }
  if (e.name === 'AUTH_START')
    return `AuthTypeSupported=${authTypeName(d.AuthTypeSupported, e.descriptions.AuthTypeSupported)}`;
  // "UserName (AuthType)": "AuthType=Negotiate UserName=..." would read as a Negotiate token to the redactor.
  if (e.name === 'USER_SET') return `${d.UserName ?? ''} (${d.AuthType ?? ''})`;
  if (e.name === 'AUTH_REQUEST_AUTH_TYPE')
    return `RequestAuthType=${authTypeName(d.RequestAuthType, e.descriptions.RequestAuthType)}`;
  return Object.entries(d)
    .filter(([k]) => k !== 'ContextId')
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

function infoDetail(e: FrebEvent): string {
  const d = e.data;
  if (e.name === 'GENERAL_REQUEST_START') return `${d.RequestVerb ?? ''} ${d.RequestURL ?? ''}`.trim();
  if (e.name === 'GENERAL_REQUEST_END')
    return `HttpStatus=${d.HttpStatus ?? ''} HttpSubStatus=${d.HttpSubStatus ?? ''}`;
  if (e.name === 'FILE_CACHE_ACCESS_START')
    return `UserName=${d.DomainName ? `${d.DomainName}\\` : ''}${d.UserName ?? ''}`;
  if (e.name === 'GENERAL_SEND_CUSTOM_ERROR')
    return `HttpStatus=${d.HttpStatus ?? ''} HttpSubStatus=${d.HttpSubStatus ?? ''}`;
  return '';
}

/** Builds the timeline; module steps that contain the first error event are marked failed. */
export function buildTimeline(file: string, trace: FrebTrace, facts: FrebFacts): RequestTimeline {
  const { events, root } = trace;
  const t0 = events.find((e) => Number.isFinite(e.timeMs))?.timeMs ?? NaN;
  const rel = (e: FrebEvent) =>
    Number.isFinite(e.timeMs) && Number.isFinite(t0) ? Math.max(0, e.timeMs - t0) : 0;
  const steps: TimelineStep[] = [];
  const open: OpenModule[] = [];
  const errorIndex = facts.firstError?.event.index;
  // Details repeat (every NOTIFY_MODULE_START of a notification reads the same): redact each distinct one once.
  const redacted = new Map<string, string>();
  const clean = (detail: string): string => {
    let r = redacted.get(detail);
    if (r === undefined) {
      r = redactText(detail.replace(/\s+/g, ' ').trim()).text;
      redacted.set(detail, r);
    }
    return r;
  };
  const push = (s: TimelineStep) => {
    if (steps.length < MAX_STEPS) steps.push({ ...s, detail: clean(s.detail) });
  };
  for (const e of events) {
    const atMs = rel(e);
    if (e.name === 'NOTIFY_MODULE_START') {
      const module = e.data.ModuleName ?? '';
      const notification = notificationName(e.data.Notification, e.descriptions.Notification);
      const post = e.data.fIsPostNotification === 'true' ? ' (post)' : '';
      const step: TimelineStep = {
        event: e.index,
        atMs,
        durationMs: 0,
        name: module,
        notification,
        kind: 'module',
        detail: `${notification}${post}`,
        failed: false,
      };
      open.push({ step, module, notification, startMs: atMs });
      push(step);
    } else if (e.name === 'NOTIFY_MODULE_END') {
      const module = e.data.ModuleName ?? '';
      const notification = notificationName(e.data.Notification, e.descriptions.Notification);
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i].module === module && (open[i].notification === notification || !e.data.Notification)) {
          const [m] = open.splice(i, 1);
          const real = steps.find((s) => s.event === m.step.event);
          if (real) {
            real.durationMs = atMs - m.startMs;
            if (
              errorIndex !== undefined &&
              m.step.event < errorIndex &&
              errorIndex < e.index &&
              facts.firstError?.module === module
            )
              real.failed = true;
          }
          break;
        }
      }
    } else if (e.name === 'MODULE_SET_RESPONSE_ERROR_STATUS') {
      const err = facts.errors.find((x) => x.event === e);
      push({
        event: e.index,
        atMs,
        durationMs: 0,
        name: err?.module ?? e.name,
        notification: err?.notification,
        kind: 'error',
        detail: `${err?.status ?? ''} ErrorCode=${e.descriptions.ErrorCode ?? e.data.ErrorCode ?? ''}`,
        failed: e.index === errorIndex,
      });
    } else if (/^AUTH_|^USER_SET$/.test(e.name)) {
      push({
        event: e.index,
        atMs,
        durationMs: 0,
        name: e.name,
        kind: 'auth',
        detail: authDetail(e),
        failed: isAuthFailure(e.name),
      });
    } else if (INFO_EVENTS.has(e.name)) {
      push({
        event: e.index,
        atMs,
        durationMs: 0,
        name: e.name,
        kind: 'info',
        detail: infoDetail(e),
        failed: false,
      });
    }
  }
  // A module still open when the trace ends (cut or truncated) ran at least until the last event.
  const lastMs = events.length > 0 ? rel(events[events.length - 1]) : 0;
  for (const m of open) {
    const real = steps.find((s) => s.event === m.step.event);
    if (real) real.durationMs = lastMs - m.startMs;
    if (
      real &&
      errorIndex !== undefined &&
      m.step.event < errorIndex &&
      facts.firstError?.module === m.module
    )
      real.failed = true;
  }
  return {
    file,
    url: redactText(root.url ?? '').text,
    status: facts.status,
    timeTakenMs: Number(root.timeTaken ?? '') || 0,
    steps,
  };
}

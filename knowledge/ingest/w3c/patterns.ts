// Patterns across a whole W3C log (see FACTS.md "Logs"): each is decided from the exact totals in W3cStats.
import type { CitedLine } from './excerpt.js';
import type { W3cStats } from './stats.js';

export interface PatternHit {
  id: string;
  cite: CitedLine;
  attrs: Record<string, string>;
}

/** "Nearly every" other request failing: the MBAM signature tolerates a few stray successes. */
const NEARLY_ALL = 0.8;
/** 401.2 challenges without a success before we call it a failure rather than an abandoned/truncated handshake. */
const MIN_UNANSWERED_CHALLENGES = 3;

export function detectPatterns(s: W3cStats): PatternHit[] {
  const hits: PatternHit[] = [];
  if (s.firstIndexSuccess && s.firstNonIndex500 && s.nonIndex500 / s.nonIndex >= NEARLY_ALL) {
    hits.push({
      id: 'w3c.only-static-index-succeeds',
      cite: s.firstNonIndex500,
      attrs: {
        indexSuccesses: String(s.indexSuccess),
        indexExample: s.indexExample,
        failures: String(s.nonIndex500),
        staticFailures: String(s.static500),
        otherRequests: String(s.nonIndex),
        failureExample: s.failureExample,
        win32: s.topWin32Of500(),
        indexLine: String(s.firstIndexSuccess.line),
      },
    });
  }
  if (s.first500 && s.nonAuth500 === s.nonAuth) {
    hits.push({
      id: 'w3c.all-requests-500',
      cite: s.first500,
      attrs: { count: String(s.nonAuth500), win32: s.topWin32Of500() },
    });
  }
  if (s.firstHandshake) {
    hits.push({ id: 'w3c.auth-handshake-ok', cite: s.firstHandshake, attrs: { count: String(s.handshakes) } });
  }
  const never = neverSucceeds(s);
  if (never) hits.push(never, ...howNeverSucceeds(s));
  if (s.first401x1 && s.loopback401x1 === s.n401x1) {
    hits.push({ id: 'w3c.loopback-only-failures', cite: s.first401x1, attrs: { count: String(s.n401x1) } });
  }
  let first4013: CitedLine | undefined;
  let n4013 = 0;
  for (const st of s.statuses.values()) {
    if (st.status === '401' && st.sub === '3') {
      n4013 += st.count;
      if (!first4013 || st.first.line < first4013.line) first4013 = st.first;
    }
  }
  if (first4013) hits.push({ id: 'w3c.401-3', cite: first4013, attrs: { count: String(n4013) } });
  return hits;
}

/** Clients that got 401.1 (or kept getting 401.2) and never an authenticated success. */
function neverSucceeds(s: W3cStats): PatternHit | undefined {
  let first: CitedLine | undefined;
  let clients = 0;
  let failures = 0;
  for (const c of s.clients.values()) {
    if (c.authedOk || !c.firstFailure) continue;
    if (c.n401x1 === 0 && c.n401x2 < MIN_UNANSWERED_CHALLENGES) continue;
    clients++;
    failures += c.n401x1 + c.n401x2;
    if (!first || c.firstFailure.line < first.line) first = c.firstFailure;
  }
  if (!first) return undefined;
  return {
    id: 'w3c.auth-never-succeeds',
    cite: first,
    attrs: { clients: String(clients), count: String(failures), clientsNotTracked: String(s.clients.overflow > 0) },
  };
}

/**
 * Why clients never succeed, in the two ways a log can tell apart: they sent credentials and were refused (401.1:
 * a bad account, a Kerberos or channel-binding failure, the loopback check), or they were challenged again and
 * again and never answered (401.2 only: the browser would not send credentials, or no method fits).
 */
function howNeverSucceeds(s: W3cStats): PatternHit[] {
  const rejected = { clients: 0, count: 0, first: undefined as CitedLine | undefined };
  const unanswered = { clients: 0, count: 0, first: undefined as CitedLine | undefined };
  for (const c of s.clients.values()) {
    if (c.authedOk || !c.firstFailure) continue;
    const group = c.n401x1 > 0 ? rejected : c.n401x2 >= MIN_UNANSWERED_CHALLENGES ? unanswered : undefined;
    if (!group) continue;
    group.clients++;
    group.count += c.n401x1 > 0 ? c.n401x1 : c.n401x2;
    if (!group.first || c.firstFailure.line < group.first.line) group.first = c.firstFailure;
  }
  const hits: PatternHit[] = [];
  const tracked = String(s.clients.overflow > 0);
  if (rejected.first) hits.push({ id: 'w3c.auth-credentials-rejected', cite: rejected.first, attrs: { clients: String(rejected.clients), count: String(rejected.count), clientsNotTracked: tracked } });
  if (unanswered.first) hits.push({ id: 'w3c.auth-no-credentials-sent', cite: unanswered.first, attrs: { clients: String(unanswered.clients), count: String(unanswered.count), clientsNotTracked: tracked } });
  return hits;
}

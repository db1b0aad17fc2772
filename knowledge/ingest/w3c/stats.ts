// Running statistics of a W3C log: exact totals, plus bounded per-status, per-code, per-user and per-client
// tables. Only the first line that shows each thing is kept, for citation.
import { BoundedMap } from './bounded-map.js';
import type { CitedLine } from './excerpt.js';
import type { FieldMap } from './fields.js';
import { isIndexPage, isLoopback, isStaticFile } from './url-kind.js';

export const CAPS = { statuses: 500, codes: 200, users: 1000, clients: 10000 };

/** One request as the accumulator needs it (values already decoded). Reused across lines to spare allocations. */
export interface W3cRequest {
  status: string;
  sub: string;
  win32: string;
  stem: string;
  user: string;
  clientIp: string;
  serverIp: string;
  line: number;
  raw: string;
  fields: FieldMap;
}

/** The citation of a request, made only when something is seen for the first time. */
const cite = (r: W3cRequest): CitedLine => ({ line: r.line, raw: r.raw, fields: r.fields });

export interface StatusStat {
  status: string;
  sub: string;
  win32: string;
  count: number;
  first: CitedLine;
}

export interface CountStat {
  count: number;
  first: CitedLine;
}

export interface ClientStat {
  n401x1: number;
  n401x2: number;
  sawChallenge: boolean;
  authedOk: boolean;
  firstFailure?: CitedLine;
}

const RECENT_STATUSES = 8;

const isSuccess = (status: string): boolean => status.startsWith('2') || status.startsWith('3');

export class W3cStats {
  requests = 0;
  /** Requests that are not 401 challenges/failures. */
  nonAuth = 0;
  nonAuth500 = 0;
  first500?: CitedLine;
  indexSuccess = 0;
  firstIndexSuccess?: CitedLine;
  indexExample = '';
  nonIndex = 0;
  nonIndex500 = 0;
  static500 = 0;
  firstNonIndex500?: CitedLine;
  failureExample = '';
  handshakes = 0;
  firstHandshake?: CitedLine;
  n401x1 = 0;
  loopback401x1 = 0;
  first401x1?: CitedLine;
  readonly win32Of500 = new BoundedMap<string, number[]>(100);
  readonly statuses = new BoundedMap<string, StatusStat>(CAPS.statuses);
  readonly codes = new BoundedMap<string, CountStat>(CAPS.codes);
  readonly users = new BoundedMap<string, CountStat>(CAPS.users);
  readonly clients = new BoundedMap<string, ClientStat>(CAPS.clients);
  /** The first few status triples seen, checked before the statuses map (see recentStatus). */
  private readonly recent: StatusStat[] = [];

  add(r: W3cRequest): void {
    this.requests++;
    const sub = r.sub || '0';
    const st = this.recentStatus(r.status, sub, r.win32) ?? this.lookUpStatus(r, sub);
    if (st) st.count++;
    // "401 2 5" is the normal anonymous challenge of Windows auth, not an access-denied error.
    const challenge = r.status === '401' && sub === '2' && r.win32 === '5';
    if (r.win32 !== '' && r.win32 !== '0' && !challenge) {
      const c = this.codes.get(r.win32);
      if (c) c.count++;
      else this.codes.tryAdd(r.win32, { count: 1, first: cite(r) });
    }
    if (r.user !== '') {
      const u = this.users.get(r.user);
      if (u) u.count++;
      else this.users.tryAdd(r.user, { count: 1, first: cite(r) });
    }
    this.addUrl(r);
    this.addAuth(r, sub);
  }

  /** A log has a handful of distinct status triples: a short scan beats building a "500.0.1346" key per line. */
  private recentStatus(status: string, sub: string, win32: string): StatusStat | undefined {
    for (const st of this.recent) if (st.status === status && st.sub === sub && st.win32 === win32) return st;
    return undefined;
  }

  /** The stat of a triple not in `recent`: existing (returned, to count), or created here (undefined: counted). */
  private lookUpStatus(r: W3cRequest, sub: string): StatusStat | undefined {
    const triple = `${r.status}.${sub}.${r.win32}`;
    const st = this.statuses.get(triple);
    if (!st) {
      const made = { status: r.status, sub, win32: r.win32, count: 1, first: cite(r) };
      if (this.statuses.tryAdd(triple, made) && this.recent.length < RECENT_STATUSES) this.recent.push(made);
      return undefined;
    }
    if (this.recent.length < RECENT_STATUSES) this.recent.push(st);
    return st;
  }

  private addUrl(r: W3cRequest): void {
    const ok = isSuccess(r.status);
    const is500 = r.status === '500';
    // 401s are the Windows-auth handshake, not the page's own result.
    if (r.status === '401') return;
    // The kind of URL depends on the stem alone (case-insensitively), so it is worked out per request: a table of
    // URLs would cost a lookup per line, and its per-URL counts were never reported.
    const index = isIndexPage(r.stem);
    this.nonAuth++;
    if (is500) {
      this.nonAuth500++;
      this.first500 ??= cite(r);
      const w = this.win32Of500.get(r.win32 || '0');
      if (w) w[0]++;
      else this.win32Of500.tryAdd(r.win32 || '0', [1]);
    }
    if (index) {
      if (ok) {
        this.indexSuccess++;
        if (!this.firstIndexSuccess) {
          this.firstIndexSuccess = cite(r);
          this.indexExample = r.stem || '/';
        }
      }
      return;
    }
    this.nonIndex++;
    if (is500) {
      this.nonIndex500++;
      if (isStaticFile(r.stem)) this.static500++;
      if (!this.firstNonIndex500) {
        this.firstNonIndex500 = cite(r);
        this.failureExample = r.stem;
      }
    }
  }

  private addAuth(r: W3cRequest, sub: string): void {
    const key = r.clientIp || '(none)';
    const is401 = r.status === '401';
    let c = this.clients.get(key);
    if (!c) {
      const made = { n401x1: 0, n401x2: 0, sawChallenge: false, authedOk: false };
      if (this.clients.tryAdd(key, made)) c = made;
    }
    if (is401 && sub === '1') {
      this.n401x1++;
      this.first401x1 ??= cite(r);
      if (isLoopback(r.clientIp) || (r.clientIp !== '' && r.clientIp === r.serverIp)) this.loopback401x1++;
    }
    if (!c) return;
    if (is401 && (sub === '1' || sub === '2')) {
      if (sub === '1') c.n401x1++;
      else c.n401x2++;
      c.sawChallenge = true;
      c.firstFailure ??= cite(r);
    } else if (isSuccess(r.status) && r.user !== '') {
      if (c.sawChallenge && !c.authedOk) {
        this.handshakes++;
        this.firstHandshake ??= cite(r);
      }
      c.authedOk = true;
    }
  }

  /** The win32 status most often seen with 500s ("1346"), or "" when none. */
  topWin32Of500(): string {
    let best = '';
    let n = -1;
    for (const [k, v] of this.win32Of500.entries()) {
      if (v[0] > n) [best, n] = [k, v[0]];
    }
    return best;
  }
}

// Statistics of a W3C log: exact totals, plus bounded per-status, per-code, per-user and per-client tables. Only
// the first line that shows each thing is kept, for citation. The per-line counting happens in the WebAssembly
// reader (wasm/scan.as.ts); this turns its counts and the lines it reported into the tables, in the order and within
// the caps a line-by-line Map would have: first seen first, the rest counted as overflow.
import { BoundedMap } from './bounded-map.js';
import type { CitedLine } from './excerpt.js';
import { decodeValue } from './fields.js';
import { TABLE, TOTAL, type WasmScanner } from './wasm-scanner.js';

export const CAPS = { statuses: 500, codes: 200, users: 1000, clients: 10000 };

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

/** The lines the reader reported for citation, collected while it runs (the rest of the log is never decoded). */
export interface W3cCites {
  triples: CitedLine[];
  users: CitedLine[];
  clientFailures: CitedLine[];
  first500?: CitedLine;
  firstIndexSuccess?: CitedLine;
  indexExample: string;
  firstNonIndex500?: CitedLine;
  failureExample: string;
  first401x1?: CitedLine;
  firstHandshake?: CitedLine;
}

export function emptyCites(): W3cCites {
  return { triples: [], users: [], clientFailures: [], indexExample: '', failureExample: '' };
}

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

  /** The statistics of a log the reader has finished. */
  static fromScanner(scanner: WasmScanner, cites: W3cCites): W3cStats {
    const s = new W3cStats();
    const t = scanner.totals();
    s.requests = t[TOTAL.requests];
    s.nonAuth = t[TOTAL.nonAuth];
    s.nonAuth500 = t[TOTAL.nonAuth500];
    s.indexSuccess = t[TOTAL.indexOk];
    s.nonIndex = t[TOTAL.nonIndex];
    s.nonIndex500 = t[TOTAL.nonIndex500];
    s.static500 = t[TOTAL.static500];
    s.handshakes = t[TOTAL.handshakes];
    s.n401x1 = t[TOTAL.n401x1];
    s.loopback401x1 = t[TOTAL.loopback401x1];
    s.first500 = cites.first500;
    s.firstIndexSuccess = cites.firstIndexSuccess;
    s.indexExample = cites.indexExample;
    s.firstNonIndex500 = cites.firstNonIndex500;
    s.failureExample = cites.failureExample;
    s.first401x1 = cites.first401x1;
    s.firstHandshake = cites.firstHandshake;
    s.addTriples(scanner, cites);
    s.addUsers(scanner, cites);
    s.addClients(scanner, cites);
    s.users.overflow += t[TOTAL.usersOverflow];
    s.clients.overflow += t[TOTAL.clientsOverflow];
    return s;
  }

  /** Ids are given in order of first appearance, so adding them in id order is adding them in line order. */
  private addTriples(scanner: WasmScanner, cites: W3cCites): void {
    const counts = scanner.counts(TABLE.triple);
    for (let id = 0; id < counts.length; id++) {
      const k = scanner.tripleKey(id);
      const status = k.status;
      const sub = decodeValue(k.sub) || '0';
      const win32 = decodeValue(k.win32);
      const count = counts[id];
      const first = cites.triples[id];
      addCount(this.statuses, `${status}.${sub}.${win32}`, count, () => ({
        status,
        sub,
        win32,
        count,
        first,
      }));
      // "401 2 5" is the normal anonymous challenge of Windows auth, not an access-denied error.
      const challenge = status === '401' && sub === '2' && win32 === '5';
      if (win32 !== '' && win32 !== '0' && !challenge)
        addCount(this.codes, win32, count, () => ({ count, first }));
      if (status === '500') {
        const w = win32 || '0';
        const seen = this.win32Of500.get(w);
        if (seen) seen[0] += count;
        else if (!this.win32Of500.tryAdd(w, [count])) this.win32Of500.overflow += count - 1;
      }
    }
  }

  private addUsers(scanner: WasmScanner, cites: W3cCites): void {
    const counts = scanner.counts(TABLE.user);
    for (let id = 0; id < counts.length; id++) {
      this.users.tryAdd(decodeValue(scanner.keyText(TABLE.user, id)), {
        count: counts[id],
        first: cites.users[id],
      });
    }
  }

  private addClients(scanner: WasmScanner, cites: W3cCites): void {
    const c = scanner.clients();
    for (let id = 0; id * 4 < c.length; id++) {
      const o = id * 4;
      const stat: ClientStat = {
        n401x1: c[o],
        n401x2: c[o + 1],
        sawChallenge: (c[o + 2] & 1) !== 0,
        authedOk: (c[o + 2] & 2) !== 0,
      };
      if (cites.clientFailures[id]) stat.firstFailure = cites.clientFailures[id];
      this.clients.tryAdd(decodeValue(scanner.keyText(TABLE.client, id)), stat);
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

/** Adds `count` lines under `key`: to its entry, or as a new entry while there is room, or to the overflow. */
function addCount<V extends { count: number }>(
  map: BoundedMap<string, V>,
  key: string,
  count: number,
  make: () => V,
): void {
  const seen = map.get(key);
  if (seen) seen.count += count;
  else if (!map.tryAdd(key, make())) map.overflow += count - 1;
}

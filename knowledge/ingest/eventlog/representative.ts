// A Security log export can hold tens of thousands of events, most of them the same failure again. Every event
// would become evidence stored with the case and matched on every turn; what the knowledge base tells apart is the
// event id and a few fields. The first events are kept whole; after them, one event per distinct combination of
// those fields, each counting the events like it.
import type { WinEvent } from './read-events.js';

/** Events kept whole, in file order, before only new kinds are kept. */
export const KEEP_FIRST_EVENTS = 200;
/** Most events kept from one file. */
export const MAX_KEPT_EVENTS = 500;

/** The fields event signatures test (knowledge/kb `where`), reduced to what tells two failures apart. */
function kindOf(ev: WinEvent): string {
  const f = ev.fields;
  const ip = (f.IpAddress ?? '').trim();
  const loopback = /^(127\.0\.0\.1|::1|-)?$/.test(ip) ? ip || '-' : 'remote';
  const process = (f.ProcessName ?? '').replace(/^.*\\/, '').toLowerCase();
  return [
    ev.provider.toLowerCase(),
    ev.id,
    f.Status,
    f.SubStatus,
    f.FailureCode,
    f.ErrorCode,
    f.LogonType,
    (f.LogonProcessName ?? '').trim().toLowerCase(),
    f.AuthenticationPackageName,
    f.ImpersonationLevel,
    f.PrivilegeList,
    f.TicketEncryptionType,
    loopback,
    process,
    f.Binary,
  ].join('|');
}

export interface Representatives {
  kept: WinEvent[];
  /** Events of the file that were not kept (each counted on the kept event of its kind, `repeats`). */
  dropped: number;
  /** For each kept event (by index in `kept`), how many events of the file it stands for. */
  counts: number[];
}

export function representativeEvents(events: WinEvent[]): Representatives {
  if (events.length <= KEEP_FIRST_EVENTS) return { kept: events, dropped: 0, counts: events.map(() => 1) };
  const kept: WinEvent[] = [];
  const counts: number[] = [];
  const byKind = new Map<string, number>();
  let dropped = 0;
  for (const ev of events) {
    const kind = kindOf(ev);
    const at = byKind.get(kind);
    if (kept.length < KEEP_FIRST_EVENTS || (at === undefined && kept.length < MAX_KEPT_EVENTS)) {
      if (at === undefined) byKind.set(kind, kept.length);
      kept.push(ev);
      counts.push(1);
      continue;
    }
    dropped++;
    if (at !== undefined) counts[at]++;
  }
  return { kept, dropped, counts };
}

/** The evidence of a kept event, its event item saying how many events of the file it stands for. */
export function withRepeats<T extends { kind: string; attrs?: Record<string, string> }>(evidence: T[], count: number): T[] {
  if (count <= 1) return evidence;
  return evidence.map((e) => (e.kind === 'event' ? { ...e, attrs: { ...(e.attrs ?? {}), repeats: String(count) } } : e));
}

/** The note that a file's events were summarised, for its evidence. */
export function summarisedNote(file: string, total: number, kept: number, dropped: number) {
  return {
    kind: 'fact' as const,
    key: 'eventlog.summarised',
    value: String(dropped),
    source: { file },
    excerpt: `${total} events: the first ${KEEP_FIRST_EVENTS} and one of each other kind (${kept} in all) are kept as evidence; the other ${dropped} repeat a kept event and are counted on it`,
  };
}

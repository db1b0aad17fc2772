// Evidence for each event per FACTS.md: kind event (key "event", value the id, attrs every field plus Provider,
// Channel, Level, Computer, TimeCreated), kind code for its codes, and text facts (exception type, SQL login user).
import type { Evidence } from '../../types.js';
import { redactText } from '../redact/index.js';
import { describeEvent } from './describe.js';
import { eventCodes } from './event-codes.js';
import type { WinEvent } from './read-events.js';

const EXCERPT_CHARS = 300;
const ATTR_CHARS = 2000;

function clean(s: string, max: number): string {
  const t = redactText(s).text;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function sqlUser(ev: WinEvent): string | null {
  if (/^MSSQL/i.test(ev.provider) && ev.id === '18456' && ev.fields.User !== undefined) return ev.fields.User;
  const hay = [ev.message, ev.fields.ExceptionMessage ?? '', ev.fields.Data1 ?? ''].join('\n');
  return /Login failed for user '([^']{0,200})'/i.exec(hay)?.[1] ?? null;
}

/** Evidence of one event. */
export function eventEvidence(file: string, ev: WinEvent): Evidence[] {
  const codes = eventCodes(ev);
  const excerpt = clean(describeEvent(ev, codes), EXCERPT_CHARS);
  const source = { file, event: ev.index };
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(ev.fields)) attrs[k] = clean(v, ATTR_CHARS);
  Object.assign(attrs, {
    Provider: ev.provider,
    Channel: ev.channel,
    Level: ev.level,
    Computer: ev.computer,
    TimeCreated: ev.time,
  });
  const out: Evidence[] = [{ kind: 'event', key: 'event', value: ev.id, source, excerpt, attrs }];
  for (const c of codes) {
    out.push({
      kind: 'code',
      key: 'code',
      value: c.code,
      source,
      excerpt,
      attrs: { field: c.field, event: ev.id },
    });
  }
  const type = ev.fields.ExceptionType;
  if (/^ASP\.NET/i.test(ev.provider) && type)
    out.push({ kind: 'fact', key: 'text.exception', value: clean(type, 200), source, excerpt });
  const login = sqlUser(ev);
  if (login !== null && login !== '') {
    out.push({ kind: 'fact', key: 'text.sql-login-failed-user', value: clean(login, 200), source, excerpt });
  }
  return out;
}

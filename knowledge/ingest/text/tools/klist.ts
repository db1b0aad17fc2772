// `klist` output on the client: the Kerberos tickets it holds. A ticket for HTTP/<site> proves the KDC knew the
// site's SPN; tickets without the forwardable flag are what "Account is sensitive and cannot be delegated" and
// Protected Users produce, and nothing can then be delegated for that user.
import { excerptOf, type ToolFact, type ToolReading } from './tool-fact.js';

const CACHED = /^\s*Cached Tickets:\s*\((\d+)\)/i;
// [^@]* and a trim, not a lazy group before \s*: a long run of spaces must not make the match quadratic.
const TICKET = /^[ \t]*#\d+>[ \t]*Client:([^@]*)@[ \t]*(\S+)/i;
const SERVER = /^[ \t]*Server:([^@]*)@[ \t]*(\S+)/i;
const ENCRYPTION = /^[ \t]*KerbTicket Encryption Type:(.*)$/i;
const FLAGS = /^\s*Ticket Flags\s+0x([0-9a-f]+)(?:\s*->\s*(.*))?$/i;
const FORWARDABLE_BIT = 0x40000000;

/** Quick check, so ordinary messages skip the reader. */
export function mayHoldKlist(text: string): boolean {
  return /Cached Tickets:\s*\(\d+\)|#\d+>\s*Client:/i.test(text);
}

interface Ticket {
  client: string;
  server?: string;
  encryption?: string;
  forwardable?: boolean;
  flags?: string;
  line: number;
  text: string;
}

export function readKlist(lines: string[]): ToolReading {
  const tickets: Ticket[] = [];
  let listed = false;
  lines.forEach((text, i) => {
    if (CACHED.test(text)) listed = true;
    const t = TICKET.exec(text);
    if (t) {
      tickets.push({ client: `${t[1].trim()}@${t[2]}`, line: i + 1, text });
      return;
    }
    const current = tickets[tickets.length - 1];
    if (!current) return;
    const s = SERVER.exec(text);
    if (s && !current.server) {
      current.server = s[1].trim();
      current.line = i + 1;
      current.text = text;
      return;
    }
    const e = ENCRYPTION.exec(text);
    if (e && !current.encryption && e[1].trim()) current.encryption = e[1].trim();
    const f = FLAGS.exec(text);
    if (f && current.forwardable === undefined) {
      current.forwardable = (parseInt(f[1], 16) & FORWARDABLE_BIT) !== 0 || /\bforwardable\b/i.test(f[2] ?? '');
      current.flags = (f[2] ?? '').trim();
    }
  });
  const out: ToolFact[] = [];
  for (const t of tickets) {
    if (!t.server) continue;
    const attrs: Record<string, string> = { client: t.client };
    if (t.encryption) attrs.encryption = t.encryption;
    if (t.forwardable !== undefined) attrs.forwardable = String(t.forwardable);
    if (t.flags) attrs.flags = t.flags;
    out.push({ key: 'kerberos.ticket', value: t.server, line: t.line, excerpt: excerptOf(t.text), attrs });
    if (/^HTTP\//i.test(t.server)) out.push({ key: 'kerberos.http-ticket', value: t.server, line: t.line, excerpt: excerptOf(t.text), attrs });
    // Windows asks for forwardable tickets by default: a TGT or an HTTP ticket without the flag means the KDC refused
    // it for this user.
    if (/^(krbtgt|HTTP)\//i.test(t.server) && t.forwardable === false) {
      out.push({ key: 'kerberos.ticket-not-forwardable', value: t.server, line: t.line, excerpt: `${excerptOf(t.text)} (Ticket Flags: ${t.flags || 'no forwardable flag'})`, attrs });
    }
  }
  const withServer = tickets.filter((t) => t.server);
  if (listed && withServer.length > 0 && !withServer.some((t) => /^HTTP\//i.test(t.server!))) {
    const first = withServer[0];
    out.push({ key: 'kerberos.no-http-ticket', value: 'true', line: first.line, excerpt: `${withServer.length} cached tickets, none for an HTTP/ service`, attrs: { servers: withServer.map((t) => t.server!).join(', ') } });
  }
  const rows: number[] = [];
  if (tickets.length > 0 || listed) lines.forEach((text, i) => OUTPUT_ROW.test(text) && rows.push(i + 1));
  return { facts: out, rows };
}

/** Lines klist itself prints. */
const OUTPUT_ROW =
  /^\s*(#\d+>|Client:|Server:|KerbTicket Encryption Type:|Ticket Flags\b|Start Time:|End Time:|Renew Time:|Session Key Type:|Cache Flags:|Kdc Called:|Cached Tickets:|Current LogonId is)/i;

// Output of the Windows tools people run to check identities: whoami, the user-rights exports (secedit, the Local
// Security Policy list, gpresult, accesschk), setspn, klist and nslookup. Read from any text, pasted or uploaded. The rows a
// tool printed are not the user's words: text signatures and codes in prose do not read them.
import { mayHoldKlist, readKlist } from './klist.js';
import { mayHoldSetspn, readSetspn } from './setspn.js';
import { mayHoldUserRights, readUserRights } from './user-rights.js';
import { mayHoldWhoami, readWhoami } from './whoami.js';
import { mayHoldNslookup, readNslookup } from './nslookup.js';
import type { ToolFact, ToolReading } from './tool-fact.js';

export type { ToolFact } from './tool-fact.js';

const READERS: { may: (text: string) => boolean; read: (lines: string[]) => ToolReading }[] = [
  { may: mayHoldWhoami, read: readWhoami },
  { may: mayHoldUserRights, read: readUserRights },
  { may: mayHoldSetspn, read: readSetspn },
  { may: mayHoldKlist, read: readKlist },
  { may: mayHoldNslookup, read: readNslookup },
];

export interface ToolOutput {
  facts: ToolFact[];
  /** 1-based lines printed by a tool. */
  rows: Set<number>;
  /** The text with those lines emptied, when there are any. */
  prose?: string;
}

const NONE: ToolOutput = { facts: [], rows: new Set() };

/** Facts that list what a tool printed (each privilege, right, SPN, ticket): enough to cite, bounded for huge pastes. */
const LISTING_KEYS = new Set(['token.privilege', 'user-right', 'spn.registered', 'kerberos.ticket', 'kerberos.http-ticket']);
const MAX_LISTED = 100;
const MAX_FACTS = 300;

/** Every conclusion (a missing privilege, a duplicate SPN) first, then the listings, capped. */
function bounded(facts: ToolFact[]): ToolFact[] {
  const conclusions = facts.filter((f) => !LISTING_KEYS.has(f.key));
  const listed = new Map<string, number>();
  const listings = facts.filter((f) => {
    if (!LISTING_KEYS.has(f.key)) return false;
    const n = (listed.get(f.key) ?? 0) + 1;
    listed.set(f.key, n);
    return n <= MAX_LISTED;
  });
  return [...conclusions, ...listings].slice(0, MAX_FACTS);
}

/** Messages are read several times per diagnosis (facts, text matching, similarity): short ones are kept. */
const MEMO_CHARS = 20_000;
const MEMO_ENTRIES = 500;
const memo = new Map<string, ToolOutput>();

export function readToolOutput(text: string): ToolOutput {
  if (text.length > MEMO_CHARS) return readAll(text);
  const known = memo.get(text);
  if (known) return known;
  const read = readAll(text);
  if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(text, read);
  return read;
}

function readAll(text: string): ToolOutput {
  const readers = READERS.filter((r) => r.may(text));
  if (readers.length === 0) return NONE;
  const lines = text.split(/\r?\n/);
  const facts: ToolFact[] = [];
  const rows = new Set<number>();
  for (const r of readers) {
    const reading = r.read(lines);
    facts.push(...reading.facts);
    for (const n of reading.rows) rows.add(n);
  }
  const prose = rows.size > 0 ? lines.map((line, i) => (rows.has(i + 1) ? '' : line)).join('\n') : undefined;
  return { facts: bounded([...facts, ...ticketsForCanonicalNames(facts)]), rows, ...(prose !== undefined ? { prose } : {}) };
}

/** The text with every tool-printed line emptied (line numbers kept): what the user wrote around the output. */
export function withoutToolRows(text: string): string {
  return readToolOutput(text).prose ?? text;
}

/** A Kerberos ticket for the canonical name of an alias the site is reached by: the browser asked for that SPN. */
function ticketsForCanonicalNames(facts: ToolFact[]): ToolFact[] {
  const tickets = facts.filter((f) => f.key === 'kerberos.http-ticket');
  return facts
    .filter((f) => f.key === 'dns.alias')
    .flatMap((alias) => {
      const canonical = (alias.attrs?.canonical ?? '').toLowerCase();
      const short = canonical.split('.')[0];
      const ticket = tickets.find((t) => {
        const host = t.value.replace(/^HTTP\//i, '').replace(/:\d+$/, '').toLowerCase();
        return host === canonical || host === short;
      });
      return ticket ? [{ key: 'kerberos.ticket-for-canonical-name', value: alias.value, line: ticket.line, excerpt: `${ticket.excerpt} (the ticket is for ${ticket.value}, the canonical name of the alias ${alias.value})`, attrs: { canonical: alias.attrs?.canonical ?? '', ticket: ticket.value } }] : [];
    });
}

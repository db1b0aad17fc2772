// Output of the Windows tools people run to check identities: whoami, the user-rights exports (secedit, the Local
// Security Policy list, gpresult, accesschk), setspn and klist. Read from any text, pasted or uploaded. The rows a
// tool printed are not the user's words: text signatures and codes in prose do not read them.
import { mayHoldKlist, readKlist } from './klist.js';
import { mayHoldSetspn, readSetspn } from './setspn.js';
import { mayHoldUserRights, readUserRights } from './user-rights.js';
import { mayHoldWhoami, readWhoami } from './whoami.js';
import type { ToolFact, ToolReading } from './tool-fact.js';

export type { ToolFact } from './tool-fact.js';

const READERS: { may: (text: string) => boolean; read: (lines: string[]) => ToolReading }[] = [
  { may: mayHoldWhoami, read: readWhoami },
  { may: mayHoldUserRights, read: readUserRights },
  { may: mayHoldSetspn, read: readSetspn },
  { may: mayHoldKlist, read: readKlist },
];

export interface ToolOutput {
  facts: ToolFact[];
  /** 1-based lines printed by a tool. */
  rows: Set<number>;
}

const NONE: ToolOutput = { facts: [], rows: new Set() };

export function readToolOutput(text: string): ToolOutput {
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
  return { facts, rows };
}

/** The text with every tool-printed line emptied (line numbers kept): what the user wrote around the output. */
export function withoutToolRows(text: string): string {
  const { rows } = readToolOutput(text);
  if (rows.size === 0) return text;
  return text
    .split(/\r?\n/)
    .map((line, i) => (rows.has(i + 1) ? '' : line))
    .join('\n');
}

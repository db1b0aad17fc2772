// `nslookup <name>` output: when the site's name is a DNS alias (CNAME), Windows asks the KDC for a ticket for the
// canonical name, not for the alias the user typed, so an SPN registered only for the alias is never used.
import { excerptOf, type ToolFact, type ToolReading } from './tool-fact.js';

const NAME = /^[ \t]*Name:[ \t]+(\S+)[ \t]*$/i;
const ADDRESS = /^[ \t]*Address(?:es)?:[ \t]+\S/i;
const ALIASES = /^[ \t]*Aliases:[ \t]+(\S+)[ \t]*$/i;
const MORE_ALIAS = /^[ \t]+([A-Za-z0-9][\w.-]*\.[A-Za-z][\w.-]*)[ \t]*$/;

/** Quick check, so ordinary messages skip the reader. */
export function mayHoldNslookup(text: string): boolean {
  return /^[ \t]*Aliases:[ \t]+\S/im.test(text);
}

export function readNslookup(lines: string[]): ToolReading {
  const facts: ToolFact[] = [];
  const rows: number[] = [];
  let canonical: { name: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const name = NAME.exec(lines[i]);
    if (name) {
      canonical = { name: name[1], line: i + 1 };
      continue;
    }
    if (ADDRESS.test(lines[i]) && canonical) continue;
    const alias = canonical ? ALIASES.exec(lines[i]) : null;
    if (!alias || !canonical) continue;
    const names = [alias[1]];
    let j = i + 1;
    for (; j < lines.length && MORE_ALIAS.test(lines[j]); j++) names.push(MORE_ALIAS.exec(lines[j])![1]);
    rows.push(canonical.line, ...Array.from({ length: j - i }, (_, k) => i + 1 + k));
    for (const a of names) facts.push({ key: 'dns.alias', value: a, line: i + 1, excerpt: `${excerptOf(lines[i])} (canonical name ${canonical.name})`, attrs: { canonical: canonical.name } });
    i = j - 1;
    canonical = undefined;
  }
  return { facts, rows };
}

// `setspn` output: -Q (who holds an SPN), -X (duplicate SPNs in the domain), -L (an account's SPNs). A duplicate
// HTTP SPN or a missing one is what breaks Kerberos to a site, and this output settles which.
import { excerptOf, type ToolFact, type ToolReading } from './tool-fact.js';

const COMMAND = /\bsetspn(?:\.exe)?((?:\s+-[A-Za-z]+)+)\s+("[^"]+"|\S+)/i;
const CHECKING = /^\s*Checking (?:domain|forest)\s+DC=/i;
const HOLDER = /^\s*CN=([^,]+),\S*/i;
/** A line holding one SPN (setspn indents them with a tab, which a copy from the console may lose). */
const SPN_LINE = /^[ \t]*([A-Za-z][\w.-]*\/[^\s]+)[ \t]*$/;
const REGISTERED_FOR = /^\s*Registered ServicePrincipalNames? for CN=([^,]+),[^:]*:\s*$/i;
const GROUP_HEADER = /^\s*([A-Za-z][\w.-]*\/\S+) is registered on these accounts:\s*$/i;
const GROUP_MEMBER = /^[ \t]*CN=([^,]+),/i;
const FOUND_GROUPS = /^\s*found (\d+) groups? of duplicate SPNs?\.?\s*$/i;
const NOT_FOUND = /^\s*No such SPN found\.?\s*$/i;

/** Quick check, so ordinary messages skip the reader. */
export function mayHoldSetspn(text: string): boolean {
  return /Checking (?:domain|forest) DC=|Registered ServicePrincipalNames? for|is registered on these accounts:|groups? of duplicate SPN|No such SPN found|Existing SPN found/i.test(text);
}

interface Holder {
  account: string;
  spns: string[];
  line: number;
}

export function readSetspn(lines: string[]): ToolReading {
  const out: ToolFact[] = [];
  const rows: number[] = [];
  let queried: string | undefined;
  let holders: Holder[] = [];
  let current: Holder | undefined;
  let listing: Holder | undefined;
  const endListing = () => {
    // A computer account's HOST/ SPNs cover HTTP/ for its own names: only an account with neither lacks it.
    if (listing && !listing.spns.some((s) => /^(HTTP|HOST)\//i.test(s))) {
      out.push({
        key: 'spn.account-without-http',
        value: listing.account,
        line: listing.line,
        excerpt: excerptOf(lines[listing.line - 1]),
        attrs: { spns: listing.spns.join(', ') },
      });
    }
    listing = undefined;
  };
  const endQuery = (line: number, text: string) => {
    const wanted = queried && !queried.includes('*') ? queried.toLowerCase() : undefined;
    const bySpn = new Map<string, Holder[]>();
    for (const h of holders) {
      for (const s of h.spns) {
        const on = bySpn.get(s.toLowerCase());
        if (on) on.push(h);
        else bySpn.set(s.toLowerCase(), [h]);
      }
    }
    for (const [spn, on] of bySpn) {
      if (wanted && spn !== wanted) continue;
      const accounts = [...new Set(on.map((h) => h.account))];
      const name = original(on[0], spn);
      if (accounts.length > 1) out.push({ key: 'spn.duplicate', value: name, line, excerpt: `${excerptOf(text)} ${name} is registered on ${accounts.join(' and ')}`, attrs: { accounts: accounts.join(', ') } });
    }
    holders = [];
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const line = i + 1;
    const cmd = COMMAND.exec(text);
    if (cmd) {
      endListing();
      queried = /-[A-Za-z]*Q/i.test(cmd[1]) ? cmd[2].replace(/^"|"$/g, '') : undefined;
      continue;
    }
    const reg = REGISTERED_FOR.exec(text);
    if (reg) {
      endListing();
      listing = { account: reg[1], spns: [], line };
      continue;
    }
    if (listing) {
      const s = SPN_LINE.exec(text);
      if (s) {
        listing.spns.push(s[1]);
        out.push({ key: 'spn.registered', value: s[1], line, excerpt: excerptOf(text), attrs: { account: listing.account } });
        continue;
      }
      if (text.trim() !== '') endListing();
    }
    const group = GROUP_HEADER.exec(text);
    if (group) {
      const accounts: string[] = [];
      let j = i + 1;
      for (; j < lines.length && GROUP_MEMBER.test(lines[j]); j++) accounts.push(GROUP_MEMBER.exec(lines[j])![1]);
      const distinct = [...new Set(accounts)];
      if (distinct.length > 1) out.push({ key: 'spn.duplicate', value: group[1], line, excerpt: `${excerptOf(text)} ${distinct.join(', ')}`, attrs: { accounts: distinct.join(', ') } });
      i = j - 1;
      continue;
    }
    const found = FOUND_GROUPS.exec(text);
    if (found) {
      if (found[1] === '0') out.push({ key: 'spn.duplicates-none', value: 'true', line, excerpt: excerptOf(text) });
      continue;
    }
    if (CHECKING.test(text)) continue;
    const holder = HOLDER.exec(text);
    if (holder) {
      current = { account: holder[1], spns: [], line };
      holders.push(current);
      continue;
    }
    const spn = SPN_LINE.exec(text);
    if (spn && current) {
      current.spns.push(spn[1]);
      out.push({ key: 'spn.registered', value: spn[1], line, excerpt: excerptOf(text), attrs: { account: current.account } });
      continue;
    }
    if (/^\s*Existing SPN found!?\s*$/i.test(text)) {
      endQuery(line, text);
      continue;
    }
    if (NOT_FOUND.test(text)) {
      out.push({ key: 'spn.not-found', value: queried ?? 'unknown', line, excerpt: excerptOf(text), attrs: queried ? { queried } : {} });
      holders = [];
      current = undefined;
    }
  }
  endListing();
  if (holders.length) endQuery(holders[holders.length - 1].line, lines[holders[holders.length - 1].line - 1]);
  if (out.length > 0) lines.forEach((text, i) => OUTPUT_ROW.test(text) && rows.push(i + 1));
  return { facts: out, rows };
}

/** Lines setspn itself prints (the command line a user typed stays theirs). */
const OUTPUT_ROW =
  /^\s*(Checking (?:domain|forest)\s+DC=|CN=[^,]+,|Registered ServicePrincipalNames? for|Processing entry \d+|\S+ is registered on these accounts:|found \d+ groups? of duplicate|No such SPN found|Existing SPN found)|^[ \t]*[A-Za-z][\w.-]*\/\S+[ \t]*$/i;

/** The SPN as the tool printed it (the map is keyed lower-case). */
function original(h: Holder, lower: string): string {
  return h.spns.find((s) => s.toLowerCase() === lower) ?? lower;
}

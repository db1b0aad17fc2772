// User Rights Assignment as Windows prints it: a `secedit /export /areas USER_RIGHTS` file ([Privilege Rights],
// "SeImpersonatePrivilege = *S-1-5-19,*S-1-5-6"), the Local Security Policy console's "Export List" and a
// gpresult /h report (display name, holders, winning GPO in cells), or `accesschk -a <right>` (the right, then one
// holder per indented line). Each right read becomes facts a cause can test: which expected holder it lacks, which
// it grants, and whom a Deny right names.
import { looksLikePrincipal, principalList, principalName } from './principals.js';
import { excerptOf, type ToolFact, type ToolReading } from './tool-fact.js';

/** The rights an identity failure turns on, by the name the console shows. */
const DISPLAY_NAMES: Record<string, string> = {
  'impersonate a client after authentication': 'SeImpersonatePrivilege',
  'log on as a batch job': 'SeBatchLogonRight',
  'deny log on as a batch job': 'SeDenyBatchLogonRight',
  'access this computer from the network': 'SeNetworkLogonRight',
  'deny access to this computer from the network': 'SeDenyNetworkLogonRight',
  'allow log on locally': 'SeInteractiveLogonRight',
  'deny log on locally': 'SeDenyInteractiveLogonRight',
  'log on as a service': 'SeServiceLogonRight',
  'deny log on as a service': 'SeDenyServiceLogonRight',
  'allow log on through remote desktop services': 'SeRemoteInteractiveLogonRight',
  'deny log on through remote desktop services': 'SeDenyRemoteInteractiveLogonRight',
  'act as part of the operating system': 'SeTcbPrivilege',
  'replace a process level token': 'SeAssignPrimaryTokenPrivilege',
  'adjust memory quotas for a process': 'SeIncreaseQuotaPrivilege',
  'generate security audits': 'SeAuditPrivilege',
  'create global objects': 'SeCreateGlobalPrivilege',
  'enable computer and user accounts to be trusted for delegation': 'SeEnableDelegationPrivilege',
};

/**
 * Holders a right needs for IIS to work: worker processes get IIS_IUSRS in their token, so the impersonation right
 * and the batch logon WAS uses must include it; network logons (Windows and Basic authentication) need the users'
 * group. `anyOf` are the names that satisfy the need, `as` the name a fact uses for it.
 */
const EXPECTED: { right: string; anyOf: RegExp; as: string }[] = [
  { right: 'SeImpersonatePrivilege', anyOf: /^(IIS_IUSRS|IIS APPPOOL\\.+)$/i, as: 'IIS_IUSRS' },
  { right: 'SeBatchLogonRight', anyOf: /^(IIS_IUSRS|IIS APPPOOL\\.+)$/i, as: 'IIS_IUSRS' },
  { right: 'SeNetworkLogonRight', anyOf: /^(Everyone|Authenticated Users|Users|Domain Users)$/i, as: 'Users' },
];

interface RightRead {
  right: string;
  holders: string[];
  line: number;
  /** Every line of the reading (accesschk prints one holder per line). */
  lines: number[];
  excerpt: string;
  gpo?: string;
  tool: 'secedit' | 'policy list' | 'accesschk';
}

const SECEDIT_SECTION = /^\s*\[Privilege Rights\]\s*$/i;
const ANY_SECTION = /^\s*\[[^\]]+\]\s*$/;
/** A rights line, also as `Select-String` prints it from the exported file ("C:\\...\\ur.inf:12:SeInteractiveLogonRight = ..."). */
const SECEDIT_ROW = /^[ \t]*(?:\S*\.inf:\d+:)?(Se[A-Za-z]+(?:Privilege|Right))[ \t]*=[ \t]*(.*)$/i;
const CONSTANT_ALONE = /^\s*(Se[A-Za-z]+(?:Privilege|Right))\s*:?\s*$/;

/** Quick check, so ordinary messages skip the readers. */
export function mayHoldUserRights(text: string): boolean {
  return /\[Privilege Rights\]|\bSe[A-Z][A-Za-z]+(?:Privilege|Right)\b|impersonate a client after auth|log on as a batch job|access this computer from the network|log on locally/i.test(text);
}

export function readUserRights(lines: string[]): ToolReading {
  const { reads, rows, section } = readRights(lines);
  const out: ToolFact[] = [];
  const seen = new Set<string>();
  for (const r of reads) {
    if (seen.has(r.right)) continue; // the first reading of a right (a report lists each once; a paste may repeat)
    seen.add(r.right);
    const attrs: Record<string, string> = { holders: r.holders.join(', '), tool: r.tool };
    if (r.gpo) attrs.gpo = r.gpo;
    out.push({ key: 'user-right', value: r.right, line: r.line, excerpt: r.excerpt, attrs });
    for (const e of EXPECTED) {
      if (e.right !== r.right) continue;
      const has = r.holders.some((h) => e.anyOf.test(h));
      out.push({ key: has ? 'user-right.grants' : 'user-right.lacks', value: `${r.right}:${e.as}`, line: r.line, excerpt: r.excerpt, attrs });
    }
    if (/^SeDeny/.test(r.right)) for (const h of r.holders) out.push({ key: 'user-right.denies', value: `${r.right}:${h}`, line: r.line, excerpt: r.excerpt, attrs });
  }
  if (section) out.push(...absentFromSecedit(section, seen));
  return { facts: out, rows: [...rows, ...reads.flatMap((r) => r.lines)] };
}

/** A holder as accesschk prints it on its own indented line: DOMAIN\\name, a SID, or a well-known name. */
const HOLDER_LINE = /^[ \t]+(?:[\w][\w .-]*\\[^\\\t]+|\*?S-1-\d+(?:-\d+)+|Everyone|Administrators|Users|Guests|SERVICE|LOCAL SERVICE|NETWORK SERVICE|IIS_IUSRS|Authenticated Users|Backup Operators)[ \t]*$/i;
/** The header secpol's "Export List" and a gpresult table start with. */
const LIST_HEADER = /^[ \t]*Policy(?:\t|[ ]{2,})(?:Security )?Setting\b/i;

/** The rights read, and the other rows of a secedit section or a policy list (rights no cause asks about are still tool output). */
function readRights(lines: string[]): { reads: RightRead[]; rows: number[]; section?: SeceditSection } {
  const reads: RightRead[] = [];
  const rows: number[] = [];
  let section: SeceditSection | undefined;
  const listRows: (RightRead & { empty: boolean })[] = [];
  let inSecedit = false;
  let listHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (SECEDIT_SECTION.test(text)) {
      inSecedit = true;
      section ??= { line: i + 1, rights: 0 };
      rows.push(i + 1);
      continue;
    }
    if (ANY_SECTION.test(text)) inSecedit = false;
    if (LIST_HEADER.test(text)) {
      listHeader = true;
      rows.push(i + 1);
      continue;
    }
    const row = SECEDIT_ROW.exec(text);
    // Outside a [Privilege Rights] section only a row of SIDs is secedit's ("SeImpersonatePrivilege =" alone is not).
    if (row && (inSecedit || row[2].includes('*S-1-'))) {
      if (inSecedit && section) section.rights++;
      reads.push({ right: canonicalConstant(row[1]), holders: principalList(row[2]), line: i + 1, lines: [i + 1], excerpt: excerptOf(text), tool: 'secedit' });
      continue;
    }
    const alone = CONSTANT_ALONE.exec(text);
    if (alone && i + 1 < lines.length && HOLDER_LINE.test(lines[i + 1])) {
      const holders: string[] = [];
      let j = i + 1;
      for (; j < lines.length && HOLDER_LINE.test(lines[j]); j++) holders.push(principalName(lines[j]));
      const block = Array.from({ length: j - i }, (_, k) => i + 1 + k);
      reads.push({ right: canonicalConstant(alone[1]), holders: [...new Set(holders)], line: i + 1, lines: block, excerpt: excerptOf(text), tool: 'accesschk' });
      i = j - 1;
      continue;
    }
    const listed = policyListRow(text);
    if (listed) listRows.push({ ...listed, line: i + 1, lines: [i + 1], excerpt: excerptOf(text), tool: 'policy list' });
    else if (listHeader && text.includes('\t')) rows.push(i + 1); // a right no cause asks about, in the same list
  }
  // A right listed with nobody (secpol prints an empty setting) counts only inside a list: a display name on a line
  // of its own is a user naming the right.
  const inList = listHeader || listRows.filter((r) => !r.empty).length >= 3;
  for (const r of listRows) if (!r.empty || inList) reads.push(r);
  return { reads, rows, ...(section ? { section } : {}) };
}

/** "Impersonate a client after authentication<TAB>LOCAL SERVICE,SERVICE<TAB>CIS L1" (cells: tabs, or 2+ spaces). */
function policyListRow(text: string): { right: string; holders: string[]; gpo?: string; empty: boolean } | undefined {
  const cells = (text.includes('\t') ? text.split('\t') : text.split(/ {2,}/)).map((c) => c.trim());
  while (cells.length && cells[0] === '') cells.shift();
  if (cells.length === 0) return undefined;
  const right = DISPLAY_NAMES[cells[0].toLowerCase().replace(/:$/, '')];
  if (!right) return undefined;
  const holders = principalList(cells[1] ?? '');
  // A sentence after the name ("and IIS_IUSRS is listed there") is not a list of accounts.
  if (!holders.every(looksLikePrincipal)) return undefined;
  const gpo = cells[2] && cells[2] !== '' ? cells[2] : undefined;
  return { right, holders, empty: holders.length === 0, ...(gpo ? { gpo } : {}) };
}

const CONSTANTS = new Map(Object.values(DISPLAY_NAMES).map((c) => [c.toLowerCase(), c]));

function canonicalConstant(name: string): string {
  return CONSTANTS.get(name.toLowerCase()) ?? name;
}

/** Where the (first) [Privilege Rights] section starts, and how many rights lines it holds. */
interface SeceditSection {
  line: number;
  rights: number;
}

/**
 * secedit writes only the rights someone holds: in a complete [Privilege Rights] section, an expected right that is
 * missing is held by no one.
 */
function absentFromSecedit(section: SeceditSection, seen: Set<string>): ToolFact[] {
  // A section of a few rows is a paste of some rights, not the whole export.
  if (section.rights < 8) return [];
  return EXPECTED.filter((e) => !seen.has(e.right)).map((e) => ({
    key: 'user-right.lacks',
    value: `${e.right}:${e.as}`,
    line: section.line,
    excerpt: `[Privilege Rights] has no ${e.right} line: no account holds it`,
    attrs: { holders: '', tool: 'secedit' },
  }));
}

// The accounts file access is given to, read from icacls as people paste it: `/grant` arguments of a command
// ("icacls D:\Sites\Public /grant:r 'IIS APPPOOL\Public:(OI)(CI)RX' 'BUILTIN\Administrators:(F)'") and the ACEs of a
// listing ("D:\Sites\Public BUILTIN\Users:(I)(OI)(CI)(RX)", continued on indented lines). Denies are not grants.

export interface IcaclsGrant {
  /** The account as written ("IIS APPPOOL\Public", "Users", "*S-1-5-32-545"). */
  account: string;
  /** The rights as written ("RX", "(OI)(CI)(RX)", "(I)(M)"). */
  rights: string;
  /** True when the rights include reading (R, RX, M, F, GR, GA, or RD in a specific list). */
  read: boolean;
  /** The path the grant is on, when the line names it. */
  path?: string;
  line: number;
  at: number;
}

const ACCOUNT = String.raw`(?:IIS APPPOOL|NT AUTHORITY|NT SERVICE|BUILTIN|[A-Za-z0-9][A-Za-z0-9-]{0,14})\\[^:'"\n\\()]{1,64}|Everyone|IUSR|IIS_IUSRS|Users|Authenticated Users|Administrators|SYSTEM|CREATOR OWNER|\*S-1-[0-9-]{1,40}`;
const FLAGS = String.raw`(?:\((?:OI|CI|IO|NP|I)\))*`;
const RIGHTS = String.raw`(?:\([A-Z]{1,3}(?:,[A-Z]{1,3})*\)|(?:N|F|M|RX|R|W|D|GR|GW|GE|GA)\b)`;
/** One ACE: account, inheritance flags, rights (a deny is "(DENY)" among the flags, and never matches). */
const ACE = new RegExp(String.raw`(['"]?)(${ACCOUNT})\1:(['"]?)(${FLAGS}${RIGHTS}(?:\((?:[A-Z]{1,3}(?:,[A-Z]{1,3})*)\))*)\3`, 'gi');
/** "icacls <path> ... /grant[:r] <ace> <ace> ...": the path, then the arguments up to the next switch. */
const COMMAND = /\bicacls(?:\.exe)?[ \t]+("[^"]+"|'[^']+'|\S+)/i;
const GRANT_SWITCH = /\/grant(?::r)?[ \t]+/gi;
/** What a listing line starts with: a path (drive, relative, UNC, or quoted). */
const LISTING_PATH = /^(?:"[^"]+"|'[^']+'|(?:[A-Za-z]:\\|\.\.?\\|\\\\)[^\n]*)$/;
/** Words that make a line a plan, a question or a removal, not a grant that is in place. */
const NOT_IN_PLACE = /\?\s*$|\b(?:should|shall|could|would|will|going to|plan(?:ned|ning)? to|want to|removed?|deleted?|revoked?|dropped)\b/i;
const READS = /^(?:R|RX|M|F|GR|GA)$|\bRD\b|\bGR\b|\bGA\b/;

function rightsRead(rights: string): boolean {
  const last = rights.replace(/\((?:OI|CI|IO|NP|I)\)/gi, '').replace(/[()]/g, '').toUpperCase();
  return last.split(',').some((r) => READS.test(r));
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/** Every grant in one text, with the path of its command or listing block where known. */
export function icaclsGrants(text: string): IcaclsGrant[] {
  if (!/:\(|\/grant/i.test(text)) return [];
  const out: IcaclsGrant[] = [];
  let blockPath: string | undefined;
  text.split(/\r?\n/).forEach((lineText, i) => {
    if (lineText.length > 2000) return;
    if (!lineText.trim()) {
      blockPath = undefined;
      return;
    }
    const line = i + 1;
    const inPlace = !NOT_IN_PLACE.test(lineText);
    const command = COMMAND.exec(lineText);
    if (command) {
      const path = unquote(command[1]);
      GRANT_SWITCH.lastIndex = 0;
      for (const g of lineText.matchAll(GRANT_SWITCH)) {
        const from = (g.index ?? 0) + g[0].length;
        const next = lineText.slice(from).search(/[ \t]\/[a-z]/i);
        const args = next === -1 ? lineText.slice(from) : lineText.slice(from, from + next);
        for (const a of args.matchAll(ACE)) if (inPlace) out.push(grant(a, path, line, from + (a.index ?? 0)));
      }
      blockPath = undefined;
      return;
    }
    // A listing: one ACE ends each line; before it, the path (first line of a block) or only indentation.
    let last: RegExpMatchArray | undefined;
    for (const a of lineText.matchAll(ACE)) last = a;
    if (!last || lineText.slice((last.index ?? 0) + last[0].length).trim() !== '') return;
    const prefix = lineText.slice(0, last.index).replace(/^[ \t]*PS [^>\n]{0,200}>[ \t]*/, '').trim();
    // Without a prefix the ACE continues the block above, or stands alone with no path known.
    if (prefix) {
      if (!LISTING_PATH.test(prefix)) return;
      blockPath = unquote(prefix);
    }
    if (inPlace) out.push(grant(last, blockPath, line, last.index ?? 0));
  });
  return out;
}

function grant(m: RegExpMatchArray, path: string | undefined, line: number, at: number): IcaclsGrant {
  const [account, rights] = [m[2], m[4]];
  return { account: account.trim(), rights, read: rightsRead(rights), ...(path ? { path } : {}), line, at };
}

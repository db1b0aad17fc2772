// Typo tolerance for the words people mistype in chat ("cancle", "nevremind", "hlep"): the first candidate at
// optimal-string-alignment distance 1 (one insertion, deletion, substitution or swap of neighbours).

/** True when a and b are at OSA distance exactly 1. O(length), no table. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // deletion / insertion
}

/** The first word in `candidates` (ordered best first) one edit away from `word`; short words are never fuzzed. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 4) return undefined;
  return candidates.find((c) => c.length >= 3 && withinOneEdit(word, c));
}

/**
 * closestWord over a fixed candidate list, answered by lookups instead of a scan: every candidate is indexed by its
 * single-character deletions, so a query costs O(word length) map probes however large the vocabulary. This is what
 * keeps a paste full of unknown words cheap (the scan cost vocabulary x unknown words, tens of milliseconds).
 * Same answer as closestWord(word, candidates): the earliest candidate at OSA distance exactly 1.
 */
export function createClosestWordIndex(candidates: readonly string[]): (word: string) => string | undefined {
  const rank = new Map<string, number>();
  candidates.forEach((c, r) => {
    if (c.length >= 3 && !rank.has(c)) rank.set(c, r);
  });
  // deletion -> best rank of a candidate that becomes it by deleting one character (query is one shorter).
  const anyDeletion = new Map<string, number>();
  // "position|deletion" -> best rank: two equal-length words that agree after deleting the same position differ by
  // one substitution there.
  const sameDeletion = new Map<string, number>();
  const keepBest = (m: Map<string, number>, key: string, r: number): void => {
    const old = m.get(key);
    if (old === undefined || r < old) m.set(key, r);
  };
  for (const [c, r] of rank) {
    for (let p = 0; p < c.length; p++) {
      const d = c.slice(0, p) + c.slice(p + 1);
      keepBest(anyDeletion, d, r);
      keepBest(sameDeletion, `${p}|${d}`, r);
    }
  }
  return (word: string): string | undefined => {
    if (word.length < 4) return undefined;
    let best = Infinity;
    const consider = (r: number | undefined): void => {
      if (r !== undefined && r < best && candidates[r] !== word) best = r;
    };
    consider(anyDeletion.get(word)); // candidate has one extra character
    for (let p = 0; p < word.length; p++) {
      const d = word.slice(0, p) + word.slice(p + 1);
      consider(rank.get(d)); // candidate lacks one character
      consider(sameDeletion.get(`${p}|${d}`)); // one substitution at p
      if (p + 1 < word.length && word[p] !== word[p + 1]) {
        consider(rank.get(word.slice(0, p) + word[p + 1] + word[p] + word.slice(p + 2))); // neighbours swapped
      }
    }
    return best === Infinity ? undefined : candidates[best];
  };
}

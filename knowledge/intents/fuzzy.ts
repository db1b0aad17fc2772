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

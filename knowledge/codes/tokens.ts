// A single-pass tokenizer for the code finder. A token is a run of word characters [A-Za-z0-9_], joined across a
// single '.', '-', ':', '/' or '\' that sits between two word characters, so "2024-05-01", "10.0.17763",
// "192.168.1.10:8080", GUIDs and paths each come out as ONE compound token that the finder can reject whole.
// No regular expressions run over the whole text: the work is linear in its length.

export interface Token {
  text: string;
  start: number;
  end: number;
  /** True when a joiner character was absorbed (dates, versions, addresses, paths, "401.1"). */
  compound: boolean;
}

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isJoiner(c: number): boolean {
  return c === 46 || c === 45 || c === 58 || c === 47 || c === 92; // . - : / \
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let compound = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWord(c)) {
        i++;
      } else if (isJoiner(c) && i + 1 < n && isWord(text.charCodeAt(i + 1))) {
        compound = true;
        i++;
      } else {
        break;
      }
    }
    tokens.push({ text: text.slice(start, i), start, end: i, compound });
  }
  return tokens;
}

/**
 * True when the gap between two tokens keeps them in one phrase: short, on one line, and only spaces and the
 * punctuation people put between a label and its value ("Error Code: 0x7", "error #5", "hr=(0x...").
 */
export function softGap(text: string, from: number, to: number): boolean {
  if (to - from > 12) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, tab, : = # ( ) " ' , and the '-' of "error - 1326" (")" for "GetLastWin32Error() = 1385")
    if (!(c === 32 || c === 9 || c === 58 || c === 61 || c === 35 || c === 40 || c === 41 || c === 34 || c === 39 || c === 44 || c === 45)) {
      return false;
    }
  }
  return true;
}

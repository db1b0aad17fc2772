// natural's Porter stemmer, for words only: its cost grows with the square of the token's length, so one pasted
// base64 blob or minified line (hundreds of KB without a space) would stop a diagnosis for minutes. No English word is
// that long; longer tokens are left as they are.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** Longer than any English word the stemmer could shorten. */
export const MAX_STEMMED_CHARS = 40;

export function stemWord(word: string): string {
  return word.length > MAX_STEMMED_CHARS ? word : PorterStemmer.stem(word);
}

// explainInput: what `cli explain <anything>` prints — the whole input as one code, else every code found in it.
import type { DecodedCode } from '../types.js';
import { decodeCode } from './decode.js';
import { findCodes } from './find.js';

export function explainInput(input: string): DecodedCode[] {
  const whole = decodeCode(input);
  if (whole) return [whole];
  return findCodes(input).map((m) => m.decoded);
}

// Inflates one deflate stream in slices and stops the moment it passes a cap, so a zip bomb costs at most the cap.
import { Inflate } from 'fflate';

export class InflateCapError extends Error {
  override name = 'InflateCapError';
  constructor(readonly produced: number) {
    super(`more than ${produced} bytes`);
  }
}

const SLICE = 64 * 1024;

/**
 * Inflates `input`; `check(total)` is called after every output chunk and throws to stop (InflateCapError).
 * Throws fflate's error for corrupt data.
 */
export function inflateCapped(input: Uint8Array, check: (total: number) => void): Buffer {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    check(total);
    parts.push(chunk);
  });
  for (let i = 0; i < input.length; i += SLICE) {
    inf.push(input.subarray(i, Math.min(input.length, i + SLICE)), i + SLICE >= input.length);
  }
  if (input.length === 0) inf.push(new Uint8Array(0), true);
  return Buffer.concat(parts, total);
}

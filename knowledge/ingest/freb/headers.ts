// Reads the header blocks FREB records (GENERAL_REQUEST_HEADERS / GENERAL_RESPONSE_HEADERS "Headers" data, one
// "Name: value" per line) and keeps only what diagnosis needs: never an Authorization token itself.
import { authorizationScheme, offeredSchemes } from '../redact/index.js';

export interface AuthorizationFact {
  scheme: string;
  bytes: number;
}

/** Values of every header called `name` (case-insensitive) in a FREB header block. */
export function headerValues(block: string, name: string): string[] {
  const want = name.toLowerCase();
  const out: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === want)
      out.push(line.slice(colon + 1).trim());
  }
  return out;
}

/** Scheme and size of the request's Authorization header; scheme "none" when the request carried none. */
export function authorizationFact(block: string): AuthorizationFact {
  const value = headerValues(block, 'Authorization')[0];
  if (value === undefined || value === '') return { scheme: 'none', bytes: 0 };
  return { scheme: authorizationScheme(value), bytes: Buffer.byteLength(value, 'utf8') };
}

/** Schemes offered by WWW-Authenticate values, in order, without duplicates. */
export function offeredBy(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) for (const s of offeredSchemes(v)) if (!out.includes(s)) out.push(s);
  return out;
}

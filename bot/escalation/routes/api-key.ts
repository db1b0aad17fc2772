// The engineers' API key: "Authorization: Bearer <ENGINEERS_API_KEY>", compared in constant time (both sides are
// hashed first, so even the length of the key does not leak through timing).
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

export function apiKeyMatches(authorization: string | undefined, key: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '';
  // Always compare, also for a missing header, so both paths take the same time.
  const same = timingSafeEqual(digest(given), digest(key));
  return same && given.length > 0;
}

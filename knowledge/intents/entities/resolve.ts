// Overlapping candidates: keep the longest (a URL over the host inside it, "NT AUTHORITY\ANONYMOUS LOGON" over
// "ANONYMOUS LOGON"), then the higher priority; output sorted by position.
import type { Entity } from '../types.js';
import type { Candidate } from './scan.js';

export function resolveOverlaps(candidates: Candidate[]): Entity[] {
  const ordered = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start,
  );
  const kept: Candidate[] = [];
  // Occupied offsets; candidates are few per kilobyte, so a per-offset mark array keeps this linear in text size.
  const taken = new Uint8Array(candidates.reduce((m, c) => Math.max(m, c.end), 0));
  for (const c of ordered) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ priority: _priority, ...entity }) => entity);
}

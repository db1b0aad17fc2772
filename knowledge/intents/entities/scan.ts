// Shared helper: run one global regex over the text and turn each match into an entity with its exact span.
import type { Entity, EntityType } from '../types.js';

export interface Candidate extends Entity {
  /** Lower wins when two candidates of equal length overlap. */
  priority: number;
}

export function scan(
  text: string,
  pattern: RegExp,
  type: EntityType,
  priority: number,
  canonical?: (match: RegExpExecArray) => string | undefined,
): Candidate[] {
  if (!pattern.global) throw new Error(`scan needs a global regex: ${pattern}`);
  const out: Candidate[] = [];
  for (const m of text.matchAll(pattern)) {
    const exec = m as RegExpExecArray;
    // A capture group named "v" narrows the span to the interesting part (a host inside "\\host\share").
    const v = exec.groups?.v;
    const start = v !== undefined ? exec.index + exec[0].indexOf(v) : exec.index;
    const value = v ?? exec[0];
    if (!value) continue;
    const entity: Candidate = { type, value, start, end: start + value.length, priority };
    const c = canonical?.(exec);
    if (c !== undefined && c !== value) entity.canonical = c;
    out.push(entity);
  }
  return out;
}

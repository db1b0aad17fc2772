// Removes secrets from any text before it is stored, shown, logged or escalated.
import { bump } from './placeholder.js';
import { RULES } from './rules.js';

export interface RedactedText {
  text: string;
  /** How many secrets were removed, by kind ("password attribute": 2). */
  counts: Record<string, number>;
}

/** Redacts passwords, keys, auth headers, auth blobs, tokens and URL secrets. Idempotent. */
export function redactText(text: string): RedactedText {
  const counts: Record<string, number> = {};
  let out = text;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    out = out.replace(rule.re, (match: string, ...rest: unknown[]) => {
      // replace() passes the groups, then offset, whole string (and named groups): keep the groups only.
      const groups = rest.slice(0, rest.findIndex((x) => typeof x === 'number')) as (string | undefined)[];
      const replaced = rule.replace(match, groups);
      if (replaced !== match) bump(counts, rule.kind);
      return replaced;
    });
  }
  return { text: out, counts };
}

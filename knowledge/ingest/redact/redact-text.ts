// Removes secrets from any text before it is stored, shown, logged or escalated.
import { bump } from './placeholder.js';
import { RULES, type RedactionRule } from './rules.js';

export interface RedactedText {
  text: string;
  /** How many secrets were removed, by kind ("password attribute": 2). */
  counts: Record<string, number>;
}

/** Redacts passwords, keys, auth headers, auth blobs, tokens and URL secrets. Idempotent. */
export function redactText(text: string): RedactedText {
  const counts: Record<string, number> = {};
  let out = text;
  // Each pre-check reads the text its rule runs on, as changed by the rules before it.
  for (const rule of RULES) if (rule.mayMatch(out)) out = applyRule(rule, out, counts);
  return { text: out, counts };
}

function applyRule(rule: RedactionRule, text: string, counts: Record<string, number>): string {
  rule.re.lastIndex = 0;
  return text.replace(rule.re, (match: string, ...rest: unknown[]) => {
    // replace() passes the groups, then offset, whole string (and named groups): keep the groups only.
    const groups = rest.slice(0, rest.findIndex((x) => typeof x === 'number')) as (string | undefined)[];
    const replaced = rule.replace(match, groups);
    if (replaced !== match) bump(counts, rule.kind);
    return replaced;
  });
}

// Validates card JSON with the real Adaptive Cards library (its ESM entry is broken under Node, so the CommonJS dist
// bundle is loaded): parse as 1.5, check the library's own property validation, and require that the card survives
// a parse -> toJSON round trip unchanged (an unknown or misspelt property is silently dropped by the parser, so a
// difference means the card uses something that is not in the 1.5 schema). Also checks Teams' size limit and that
// every ToggleVisibility target exists.
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);

interface ParseEvent {
  message: string;
}
interface AcContext {
  eventCount: number;
  getEventAt(i: number): ParseEvent;
}
interface AcCard {
  parse(json: unknown, context: AcContext): void;
  toJSON(context: AcContext): unknown;
  validateProperties(): { validationEvents: ParseEvent[] };
}
interface AcModule {
  AdaptiveCard: new () => AcCard;
  SerializationContext: new (version: unknown) => AcContext;
  Versions: { v1_5: unknown };
}

const ac = require('adaptivecards/dist/adaptivecards.js') as AcModule;

export const TEAMS_LIMIT_BYTES = 28 * 1024;

/** Every problem found, empty when the card is valid Adaptive Cards 1.5 that Teams accepts. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as { version?: unknown; type?: unknown };
  if (json.type !== 'AdaptiveCard') problems.push('type must be AdaptiveCard');
  if (json.version !== '1.5') problems.push(`version must be "1.5", is ${String(json.version)}`);
  const parsed = new ac.AdaptiveCard();
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const again = parsed.toJSON(new ac.SerializationContext(ac.Versions.v1_5));
  if (!isDeepStrictEqual(again, card))
    problems.push(`round trip changed the card: ${firstDifference(card, again)}`);
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes >= TEAMS_LIMIT_BYTES) problems.push(`card is ${bytes} bytes (Teams limit ${TEAMS_LIMIT_BYTES})`);
  const ids = collect(card, 'id');
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) problems.push(`duplicate element id "${dup}"`);
  for (const target of collect(card, 'targetElements').flat())
    if (!ids.includes(target)) problems.push(`ToggleVisibility target "${target}" does not exist`);
  return problems;
}

function collect(node: unknown, key: string, out: unknown[] = []): never[] {
  if (Array.isArray(node)) for (const n of node) collect(n, key, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      else collect(v, key, out);
    }
  }
  return out as never[];
}

function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${k}`);
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 120)} -> ${JSON.stringify(b)?.slice(0, 120)}`;
}

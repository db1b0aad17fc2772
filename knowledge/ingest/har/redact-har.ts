// The HAR as safe text: headers by name (Authorization keeps its scheme), cookie values, secret query parameters,
// and every other string through redactText. Applied to the whole tree so exporter extensions (_initiator...) are covered.
import { binaryShare } from '../detect/index.js';
import { REDACTED, bump, isSecretParam, redactHeaderValue, redactText } from '../redact/index.js';

/** Keeps a redacted HAR readable in a chat without letting a 50 MB export through. */
export const MAX_REDACTED_HAR_CHARS = 1024 * 1024;

type Json = unknown;

export function redactHar(json: Json, counts: Record<string, number>): Json {
  return walk(json, '', counts);
}

function walk(x: Json, parentKey: string, counts: Record<string, number>): Json {
  if (typeof x === 'string') return text(x, counts);
  if (Array.isArray(x)) return x.map((item) => pair(item, parentKey, counts) ?? walk(item, parentKey, counts));
  if (typeof x === 'object' && x !== null) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(x)) out[k] = walk(v, k, counts);
    // A base64 body would hide its secrets from redactText: show it decoded (and redacted), or not at all.
    if (parentKey === 'content' && out.encoding === 'base64' && typeof out.text === 'string') {
      const raw = (x as Record<string, string>).text;
      const decoded = Buffer.from(raw, 'base64').toString('utf8');
      out.text = binaryShare(decoded) > 0.05 ? '[binary body omitted]' : text(decoded, counts);
      delete out.encoding;
    }
    return out;
  }
  return x;
}

/** A {name, value} item of headers/cookies/queryString/params, redacted by what its name says. */
function pair(item: Json, list: string, counts: Record<string, number>): Json | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const o = item as Record<string, Json>;
  if (typeof o.name !== 'string' || typeof o.value !== 'string') return undefined;
  let value: string;
  if (list === 'headers') value = redactHeaderValue(o.name, o.value, counts);
  else if (list === 'cookies') {
    value = o.value === '' || o.value === REDACTED ? o.value : REDACTED;
    if (value !== o.value) bump(counts, 'cookie');
  } else if ((list === 'queryString' || list === 'params') && isSecretParam(o.name)) {
    value = o.value === '' || o.value === REDACTED ? o.value : REDACTED;
    if (value !== o.value) bump(counts, 'url token');
  } else return undefined;
  const rest = walk({ ...o, value: undefined }, '', counts) as Record<string, Json>;
  return { ...rest, value };
}

function text(s: string, counts: Record<string, number>): string {
  const r = redactText(s);
  for (const [k, v] of Object.entries(r.counts)) bump(counts, k, v);
  return r.text;
}

// The UTF-8 size of a value's JSON without building the JSON: a card is measured on every reply, and serialising a
// 10 KB card to a string only to count its bytes was a large part of building it. Exactly
// Buffer.byteLength(JSON.stringify(value)) for JSON data (plain objects, arrays, strings, finite numbers, booleans,
// null, undefined properties); anything else (toJSON, non-plain values) is measured by serialising that part.
import { isSharedBlock } from './shared-blocks.js';

/** Nothing JSON.stringify escapes or UTF-8 cannot write (quote, backslash, control characters, lone surrogates). */
const NO_ESCAPES = /^[^"\\\p{Cc}\p{Cs}]*$/u;
/** A string of characters JSON.stringify writes as they are, one byte each in UTF-8. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Bytes of `s` as a JSON string literal (quotes included), escaped the way JSON.stringify escapes it. */
export function jsonStringBytes(s: string): number {
  if (PLAIN_ASCII.test(s)) return s.length + 2;
  // Written as it is: the UTF-8 size is the JSON size (C1 controls, which JSON does not escape, take the loop).
  if (NO_ESCAPES.test(s)) return Buffer.byteLength(s, 'utf8') + 2;
  return escapedBytes(s);
}

function escapedBytes(s: string): number {
  let bytes = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) bytes += 2;
      else bytes += c < 0x20 ? 6 : 1;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 6; // a lone high surrogate: "\ud8xx"
      }
    } else {
      bytes += c >= 0xdc00 && c <= 0xdfff ? 6 : 3; // a lone low surrogate is escaped too
    }
  }
  return bytes;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Bytes of JSON.stringify(value) in UTF-8; undefined where JSON.stringify gives undefined (a function, undefined). */
export function jsonBytes(value: unknown): number | undefined {
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
    default:
      return serialisedBytes(value);
  }
  if (value === null) return 4;
  if (isSharedBlock(value)) {
    // Frozen through and through: its size cannot change, so it is counted once.
    let size = sharedSizes.get(value);
    if (size === undefined) {
      size = measure(value);
      sharedSizes.set(value, size);
    }
    return size;
  }
  return measure(value);
}

function measure(value: object): number | undefined {
  if (Array.isArray(value)) {
    let bytes = 2 + Math.max(0, value.length - 1);
    for (const item of value as unknown[]) bytes += jsonBytes(item) ?? 4; // undefined items are written as null
    return bytes;
  }
  if (!isPlainObject(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return serialisedBytes(value);
  let bytes = 2;
  let members = 0;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const size = jsonBytes(record[key]);
    if (size === undefined) continue;
    bytes += jsonStringBytes(key) + 1 + size;
    members++;
  }
  return bytes + Math.max(0, members - 1);
}

const sharedSizes = new WeakMap<object, number | undefined>();

function serialisedBytes(value: unknown): number | undefined {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? undefined : Buffer.byteLength(json, 'utf8');
}

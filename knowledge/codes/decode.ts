// decodeCode: any single code notation -> DecodedCode (family, name, official message, facts, equivalents).
import type { DecodedCode } from '../types.js';
import { canonicalCode } from './canonical.js';
import { equivalentsOf } from './equivalents.js';
import { describeEvent } from './events.js';
import { describeHresult, describeNtStatus, signed32 } from './layout.js';
import { hexShort, win32ToCanonical } from './numbers.js';
import { decodeStatus } from './status.js';
import { aliasesOf, knownByCanonical, type CodeFamily } from './tables.js';

const EVENT = /^event\s*(?:id)?\s*[:#]?\s*(\d{1,5})$|^eventid\s*[:#]?\s*(\d{1,5})$/i;
const STATUS_DOTTED = /^(?:HTTP\s*(?:error\s*)?)?\d{3}\.\d{1,3}$|^HTTP\s*(?:error\s*)?\d{3}$/i;
const BARE_INT = /^\d{3}$/;

/** Decodes one code written on its own; null when the input is not a single code. */
export function decodeCode(input: string): DecodedCode | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 80) return null;
  const ev = EVENT.exec(text);
  if (ev) return decodeEvent(input, Number(ev[1] ?? ev[2]));
  if (STATUS_DOTTED.test(text)) return withInput(decodeStatus(text), input);
  // A bare 4xx/5xx is an HTTP status unless it is a Win32 error we know (none of ours is in that range).
  if (BARE_INT.test(text) && Number(text) >= 400 && Number(text) <= 599) {
    const canonical = canonicalCode(text);
    if (canonical === null || !knownByCanonical(canonical)) return withInput(decodeStatus(text), input);
  }
  const canonical = canonicalCode(text);
  if (canonical === null) return null;
  return decodeCanonical(canonical, input);
}

function withInput(d: DecodedCode | null, input: string): DecodedCode | null {
  return d ? { ...d, input } : null;
}

/** Decodes a canonical code (as canonicalCode returns it), keeping the caller's original text as input. */
export function decodeCanonical(canonical: string, input: string): DecodedCode {
  // A paste can repeat one code thousands of times: build each decode once (bounded cache, copies handed out).
  let cached = cache.get(canonical);
  if (!cached) {
    cached = build(canonical);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(canonical, cached);
  }
  return { ...cached, input, details: [...cached.details], equivalents: [...cached.equivalents] };
}

const CACHE_LIMIT = 1000;
const cache = new Map<string, DecodedCode>();

function build(canonical: string): DecodedCode {
  const input = canonical;
  const known = knownByCanonical(canonical);
  const details: string[] = [];
  const family = known?.family ?? familyOf(canonical);
  const name = known?.name ?? fallbackName(canonical, family);
  const message = known?.message ?? 'Not in this bot\'s code tables; the layout below is still exact.';
  if (family === 'kerberos') {
    const n = parseInt(canonical.slice(6), 16);
    details.push(`Kerberos error ${n} (${hexShort(n)}), as in events 4768/4769/4771 and Security-Kerberos 3/4`);
  } else {
    const value = parseInt(canonical.slice(2), 16) >>> 0;
    if (family === 'ntstatus') {
      details.push(`NTSTATUS: ${describeNtStatus(value)}`);
      if (known?.win32 !== undefined) {
        const w = knownByCanonical(win32ToCanonical(known.win32) ?? '');
        details.push(`LsaNtStatusToWinError: Win32 ${known.win32}${w ? ` ${w.name}` : ''}`);
      }
      details.push(`Seen as: 4625/4776 Status or SubStatus 0x${canonical.slice(2).toLowerCase()}, decimal ${value}`);
    } else {
      details.push(`HRESULT: ${describeHresult(value)}`);
      if (value >>> 16 === 0x8007) {
        const w = value & 0xffff;
        details.push(`Win32 error ${w} (${hexShort(w)})`);
        details.push(`Seen as: FREB ErrorCode ${value}, W3C sc-win32-status ${w}, signed ${signed32(value)}`);
      } else {
        details.push(`Seen as: FREB ErrorCode / W3C sc-win32-status ${value}, signed ${signed32(value)}`);
      }
    }
  }
  const aliases = aliasesOf(canonical);
  if (aliases.length > 0) details.push(`Also named: ${aliases.join(', ')}`);
  if (known?.note) details.push(known.note);
  if (known) details.push(`Source: ${known.source}`);
  return { input, canonical, family, name, message, details, equivalents: equivalentsOf(canonical) };
}

function familyOf(canonical: string): CodeFamily {
  if (canonical.startsWith('KRB:')) return 'kerberos';
  const value = parseInt(canonical.slice(2), 16) >>> 0;
  if (value >>> 16 === 0x8007) return 'win32';
  if (((value >>> 16) & 0x7ff) === 9 && (value >>> 28 === 0x8 || value >>> 28 === 0)) return 'sspi';
  if (value >>> 30 === 3 && ((value >>> 28) & 1) === 0) return 'ntstatus';
  return 'hresult';
}

function fallbackName(canonical: string, family: CodeFamily): string {
  if (family === 'win32') return `Win32 error ${parseInt(canonical.slice(6), 16)}`;
  if (family === 'kerberos') return `Kerberos error ${canonical.slice(4)}`;
  if (family === 'ntstatus') return `NTSTATUS ${canonical}`;
  return `HRESULT ${canonical}`;
}

function decodeEvent(input: string, id: number): DecodedCode {
  const ev = describeEvent(id);
  return {
    input,
    canonical: String(id),
    family: 'event',
    name: ev ? `Event ${id}: ${ev.name}` : `Event ${id}`,
    message: ev ? ev.message : 'Not in this bot\'s table of events.',
    details: ev ? [`Log: ${ev.channel}, source ${ev.source}`] : [],
    equivalents: [],
  };
}

/** Used by the finder: an event id found in context. */
export function decodeEventId(input: string, id: number): DecodedCode {
  return decodeEvent(input, id);
}

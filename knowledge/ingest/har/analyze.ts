// Authentication and failure patterns across the entries of one HAR (see FACTS.md "har.*").
import { authorizationScheme, offeredSchemes } from '../redact/index.js';
import { headerValues, type HarEntryView } from './har-shape.js';

export interface HarHit {
  key: string;
  kind: 'pattern' | 'fact';
  value: string;
  entry: HarEntryView;
  attrs: Record<string, string>;
}

const ok = (s: number): boolean => s >= 200 && s < 400;
/** "Nearly all" sub-resources failing, as for the W3C pattern. */
const NEARLY_ALL = 0.8;

function urlKey(url: string): string {
  const q = url.search(/[?#]/);
  return (q === -1 ? url : url.slice(0, q)).toLowerCase();
}

function origin(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  return m ? m[0].toLowerCase() : '';
}

export function offeredOf(e: HarEntryView): string[] {
  return headerValues(e.responseHeaders, 'WWW-Authenticate').flatMap(offeredSchemes);
}

export function analyzeHar(entries: HarEntryView[]): HarHit[] {
  const hits: HarHit[] = [];
  hits.push(...authFacts(entries));
  const never = neverSucceeds(entries);
  if (never) hits.push(never);
  const ntlm = ntlmOnly(entries);
  if (ntlm) hits.push(ntlm);
  const index = onlyIndex(entries);
  if (index) hits.push(index);
  return hits;
}

/** har.www-authenticate per distinct offer, har.request.authorization per distinct scheme sent. */
function authFacts(entries: HarEntryView[]): HarHit[] {
  const offers = new Map<string, HarHit>();
  const sent = new Map<string, HarHit>();
  for (const e of entries) {
    const offered = offeredOf(e);
    if (offered.length) {
      const v = offered.join(',');
      const h = offers.get(v) ?? { key: 'har.www-authenticate', kind: 'fact' as const, value: v, entry: e, attrs: { count: '0' } };
      h.attrs.count = String(Number(h.attrs.count) + 1);
      offers.set(v, h);
    }
    for (const auth of headerValues(e.requestHeaders, 'Authorization')) {
      const v = authorizationScheme(auth);
      const h = sent.get(v) ?? { key: 'har.request.authorization', kind: 'fact' as const, value: v, entry: e, attrs: { count: '0', bytes: String(auth.length) } };
      h.attrs.count = String(Number(h.attrs.count) + 1);
      sent.set(v, h);
    }
  }
  return [...offers.values(), ...sent.values()];
}

const WINDOWS_SCHEMES = new Set(['negotiate', 'ntlm', 'kerberos', 'basic']);

function neverSucceeds(entries: HarEntryView[]): HarHit | undefined {
  const lastOk = new Map<string, number>();
  for (const e of entries) if (ok(e.status)) lastOk.set(urlKey(e.url), e.index);
  let first: HarEntryView | undefined;
  let count = 0;
  for (const e of entries) {
    // A 401 that offers only Bearer is an OAuth token refused by the application, not a Windows logon.
    if (e.status !== 401 || !offeredOf(e).some((scheme) => WINDOWS_SCHEMES.has(scheme.toLowerCase()))) continue;
    if ((lastOk.get(urlKey(e.url)) ?? -1) > e.index) continue;
    count++;
    first ??= e;
  }
  if (!first) return undefined;
  return { key: 'pattern', kind: 'pattern', value: 'har.auth-never-succeeds', entry: first, attrs: { count: String(count), offered: offeredOf(first).join(',') } };
}

function ntlmOnly(entries: HarEntryView[]): HarHit | undefined {
  const negotiateOffered = entries.some((e) => offeredOf(e).some((s) => s.toLowerCase() === 'negotiate'));
  let first: HarEntryView | undefined;
  let ntlm = 0;
  let kerberos = 0;
  for (const e of entries) {
    for (const auth of headerValues(e.requestHeaders, 'Authorization')) {
      const scheme = authorizationScheme(auth);
      if (scheme === 'NTLM' || scheme === 'Negotiate-NTLM') {
        ntlm++;
        first ??= e;
      } else if (scheme === 'Negotiate-Kerberos') kerberos++;
    }
  }
  if (!negotiateOffered || !first || kerberos > 0) return undefined;
  return { key: 'pattern', kind: 'pattern', value: 'har.ntlm-only', entry: first, attrs: { count: String(ntlm) } };
}

/** The page (first document) loaded, but nearly all of its same-origin sub-resources failed with 500. */
function onlyIndex(entries: HarEntryView[]): HarHit | undefined {
  const page = entries.find((e) => ok(e.status) && (e.mimeType.startsWith('text/html') || e.index === 0));
  if (!page) return undefined;
  const site = origin(page.url);
  const subs = entries.filter((e) => e !== page && origin(e.url) === site && e.status !== 401 && urlKey(e.url) !== urlKey(page.url));
  const failed = subs.filter((e) => e.status === 500);
  if (failed.length === 0 || failed.length / subs.length < NEARLY_ALL) return undefined;
  return {
    key: 'pattern',
    kind: 'pattern',
    value: 'har.only-index-succeeds',
    entry: failed[0],
    attrs: { failures: String(failed.length), subResources: String(subs.length), pageEntry: String(page.index) },
  };
}

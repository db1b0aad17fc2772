// A tolerant view of HAR 1.2 entries: exporters differ (Chrome, Firefox, Fiddler), so every field is optional and
// read defensively instead of trusting the JSON.
import { IngestError } from '../types.js';

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntryView {
  index: number;
  method: string;
  url: string;
  status: number;
  statusText: string;
  requestHeaders: HarHeader[];
  responseHeaders: HarHeader[];
  mimeType: string;
  /** Response body text (decoded from base64 when the exporter encoded it). */
  body: string;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');

function headers(x: unknown): HarHeader[] {
  if (!Array.isArray(x)) return [];
  return x.filter(isObj).map((h) => ({ name: str(h.name), value: str(h.value) }));
}

/** The `log` object of a parsed HAR, or an IngestError naming the file. */
export function harLog(file: string, json: unknown): Record<string, unknown> & { entries: unknown[] } {
  const log = isObj(json) ? json.log : undefined;
  if (!isObj(log) || !Array.isArray(log.entries)) throw new IngestError(file, `${file}: not a HAR file (no log.entries array)`);
  return log as Record<string, unknown> & { entries: unknown[] };
}

export function entryViews(entries: unknown[]): HarEntryView[] {
  return entries.map((e, index) => {
    const entry = isObj(e) ? e : {};
    const req = isObj(entry.request) ? entry.request : {};
    const res = isObj(entry.response) ? entry.response : {};
    const content = isObj(res.content) ? res.content : {};
    const text = str(content.text);
    const body = content.encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
    return {
      index,
      method: str(req.method) || 'GET',
      url: str(req.url),
      status: typeof res.status === 'number' ? res.status : Number(str(res.status)) || 0,
      statusText: str(res.statusText),
      requestHeaders: headers(req.headers),
      responseHeaders: headers(res.headers),
      mimeType: str(content.mimeType),
      body,
    };
  });
}

/** All values of one header (case-insensitive), in order. */
export function headerValues(list: HarHeader[], name: string): string[] {
  const n = name.toLowerCase();
  return list.filter((h) => h.name.toLowerCase() === n).map((h) => h.value);
}

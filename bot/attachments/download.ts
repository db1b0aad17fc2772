// Opens one attachment download: checks the URL, follows a few redirects (re-checking each), refuses error statuses
// and oversized files, and hands back a stream for the ingestion layer that enforces the size cap and the deadline.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { IngestInput } from '../../knowledge/ingest/types.js';
import { AttachmentError, formatBytes } from './errors.js';
import { publicOnlyLookup, PrivateAddressError } from './safe-lookup.js';
import { checkUrl, type UrlPolicy } from './url-policy.js';

export interface DownloadLimits {
  maxBytes: number;
  /** Deadline for the whole download, from the first request to the last byte. */
  timeoutMs: number;
}

const MAX_REDIRECTS = 3;

export async function openDownload(name: string, rawUrl: string, policy: UrlPolicy, limits: DownloadLimits): Promise<IngestInput> {
  const deadline = new Deadline(name, limits.timeoutMs);
  try {
    let target = rawUrl;
    for (let hop = 0; ; hop++) {
      const checked = checkUrl(target, name, policy);
      const res = await deadline.race(request(checked.url, checked.own, name, deadline.signal));
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (hop >= MAX_REDIRECTS) throw new AttachmentError(name, 'http-status', `${name}: too many redirects while downloading.`);
        target = new URL(res.headers.location, checked.url).toString();
        continue;
      }
      if (status !== 200) {
        res.resume();
        throw new AttachmentError(name, 'http-status', `${name}: the download failed with HTTP ${status}${status === 404 || status === 403 ? ' (the link may have expired: please upload the file again)' : ''}.`);
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        res.destroy();
        throw tooLarge(name, limits.maxBytes);
      }
      deadline.attach(res);
      return { name, stream: capped(res, name, limits.maxBytes, deadline), size: Number.isFinite(declared) ? declared : undefined };
    }
  } catch (err) {
    deadline.clear();
    throw err;
  }
}

function request(url: URL, own: boolean, name: string, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const options: http.RequestOptions = { method: 'GET', headers: { accept: '*/*' }, signal };
    // Our own endpoints are loopback by design; everything else must resolve to public addresses.
    if (!own) options.lookup = publicOnlyLookup as unknown as http.RequestOptions['lookup'];
    const req = (url.protocol === 'https:' ? https : http).request(url, options, resolve);
    req.on('error', (err) =>
      reject(
        signal.reason instanceof AttachmentError
          ? signal.reason
          : err instanceof PrivateAddressError
            ? new AttachmentError(name, 'refused', `${name}: the download host resolves to a private address and was refused.`, { cause: err })
            : new AttachmentError(name, 'network', `${name}: the download failed (${(err as NodeJS.ErrnoException).code ?? err.message}).`, { cause: err }),
      ),
    );
    req.end();
  });
}

function tooLarge(name: string, maxBytes: number): AttachmentError {
  return new AttachmentError(name, 'too-large', `${name} is larger than the ${formatBytes(maxBytes)} limit. Zip it (IIS logs and FREB folders compress well) or send only the failing request's trace.`);
}

async function* capped(res: IncomingMessage, name: string, maxBytes: number, deadline: Deadline): AsyncGenerator<Buffer> {
  let total = 0;
  try {
    for await (const chunk of res) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) throw tooLarge(name, maxBytes);
      yield buf;
    }
    if (!res.complete) throw new AttachmentError(name, 'network', `${name}: the download was cut off.`);
  } finally {
    deadline.clear();
    if (!res.destroyed) res.destroy();
  }
}

/** One timer for the whole download: on expiry it fails whatever is pending (the request or the body stream). */
class Deadline {
  private timer: NodeJS.Timeout | undefined;
  private rejectPending: ((err: Error) => void) | undefined;
  private body: IncomingMessage | undefined;
  private expired: AttachmentError | undefined;
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;

  constructor(
    private readonly name: string,
    timeoutMs: number,
  ) {
    this.timer = setTimeout(() => this.expire(timeoutMs), timeoutMs);
  }

  race<T>(pending: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.expired) return reject(this.expired);
      this.rejectPending = reject;
      pending.then(resolve, reject);
    });
  }

  attach(res: IncomingMessage): void {
    this.body = res;
    // Keeps a deadline error on an unread body from becoming an uncaught 'error' event; readers get it from the iterator.
    res.on('error', (err) => {
      this.expired ??= err instanceof AttachmentError ? err : undefined;
    });
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private expire(timeoutMs: number): void {
    this.timer = undefined;
    this.expired = new AttachmentError(this.name, 'timeout', `${this.name}: the download did not finish within ${Math.round(timeoutMs / 1000)} s.`);
    this.rejectPending?.(this.expired);
    this.body?.destroy(this.expired);
    this.controller.abort(this.expired);
  }
}

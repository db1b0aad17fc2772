// Decides whether an attachment URL may be fetched: https, an allowed host, never file: or a private address,
// except this bot's own local endpoints (plain http on loopback, in local mode).
import { isIP } from 'node:net';
import { isPublicAddress } from './address-policy.js';
import { AttachmentError } from './errors.js';

export interface UrlPolicy {
  /** Host names, or "*.example.com" for any subdomain of example.com. */
  allowedHosts: string[];
  /** Origins ("http://127.0.0.1:3978") of this bot's own local endpoints; read per call because the port is known late. */
  ownOrigins: () => string[];
}

export interface CheckedUrl {
  url: URL;
  /** True when the URL points at this bot itself: loopback is then expected, not refused. */
  own: boolean;
}

export function hostMatches(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
  return host === p;
}

export function checkUrl(raw: string, file: string, policy: UrlPolicy): CheckedUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new AttachmentError(file, 'refused', `${file}: the attachment link is not a valid URL.`, { cause });
  }
  if (policy.ownOrigins().includes(url.origin)) return { url, own: true };
  if (url.protocol !== 'https:') {
    throw new AttachmentError(file, 'refused', `${file}: only https links are downloaded (got ${url.protocol.replace(/:$/, '')}).`);
  }
  if (url.username || url.password) {
    throw new AttachmentError(file, 'refused', `${file}: links with embedded credentials are not downloaded.`);
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(hostname) && !isPublicAddress(hostname)) {
    throw new AttachmentError(file, 'refused', `${file}: links to private, loopback or link-local addresses are not downloaded.`);
  }
  if (!policy.allowedHosts.some((p) => hostMatches(hostname, p))) {
    throw new AttachmentError(file, 'refused', `${file}: downloads from ${hostname} are not allowed by this bot's configuration (ATTACHMENT_HOSTS).`);
  }
  return { url, own: false };
}

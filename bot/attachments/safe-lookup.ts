// A DNS lookup for http(s).request that refuses host names resolving to non-public addresses. It runs at connect
// time, so a name cannot pass a check and then be re-resolved to 169.254.169.254 (DNS rebinding).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isPublicAddress } from './address-policy.js';

export class PrivateAddressError extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to a private, loopback or link-local address`);
    this.name = 'PrivateAddressError';
  }
}

type Callback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: Callback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((a) => !isPublicAddress(a.address))) return callback(new PrivateAddressError(hostname), []);
    if (options.all) return callback(null, list);
    return callback(null, list[0].address, list[0].family);
  });
}

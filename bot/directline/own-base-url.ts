// The URL the bot reaches this very server on, read from the listening socket (the port is only known after
// listen()). Loopback for wildcard binds, because the bot's attachment downloader trusts its own loopback origins only.
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';

export class NotListeningError extends Error {
  constructor() {
    super('the server is not listening yet, so its own URL is unknown');
    this.name = 'NotListeningError';
  }
}

export function ownBaseUrlOf(server: Server): () => string {
  return () => {
    const address = server.server.address() as AddressInfo | string | null;
    if (!address || typeof address === 'string') throw new NotListeningError();
    const host =
      address.family === 'IPv6'
        ? address.address === '::'
          ? '127.0.0.1'
          : `[${address.address}]`
        : address.address === '0.0.0.0'
          ? '127.0.0.1'
          : address.address;
    return `http://${host}:${address.port}`;
  };
}

// Same-origin static files for the chat: Web Chat's prebuilt UMD bundle straight from node_modules (no CDN) and the
// page's own script, stylesheet and embed loader from bot/public/. Read once, gzipped once, served with an ETag.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

export interface StaticAsset {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  contentType: string;
}

export class AssetMissingError extends Error {
  constructor(
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(`static asset missing: ${file}`);
    this.name = 'AssetMissingError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

export function webChatBundlePath(): string {
  // The package's "require" export is lib/index.js; the UMD bundle sits beside it in dist/.
  const main = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(main), '..', 'dist', 'webchat.js');
}

export function publicAssetPath(name: string): string {
  return join(PUBLIC_DIR, name);
}

export function loadAsset(file: string, contentType: string): StaticAsset {
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (cause) {
    throw new AssetMissingError(file, { cause });
  }
  return {
    body,
    gzipped: gzipSync(body),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    contentType,
  };
}

/** Loads on first request, so a server that never serves the chat never reads the 4 MB bundle. */
export function assetRoute(load: () => StaticAsset, maxAgeSeconds: number) {
  let asset: StaticAsset | undefined;
  return async function staticAssetHandler(req: Request, res: Response): Promise<void> {
    asset ??= load();
    const headers: Record<string, string> = {
      'content-type': asset.contentType,
      etag: asset.etag,
      'cache-control': `public, max-age=${maxAgeSeconds}`,
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Encoding',
    };
    if (req.header('if-none-match') === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    const body = gzip ? asset.gzipped : asset.body;
    res.writeHead(200, {
      ...headers,
      'content-length': String(body.length),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  };
}

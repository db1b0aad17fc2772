// Conversation tokens of the embedded Direct Line: HS256 JWTs ("<header>.<payload>.<signature>", base64url) whose
// payload names one conversation, one user and an expiry, signed with HMAC-SHA256 under a key that never leaves the
// process. JWT-shaped like Direct Line's own tokens because Web Chat reads the user id from the token's "user" claim
// (it refuses a "dl_" id passed any other way). A token reads and writes exactly its own conversation; checks are
// constant-time.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DirectLineError } from './errors.js';

export interface TokenClaims {
  /** Conversation id. */
  conv: string;
  /** Same as `user`: the claim name Web Chat reads. */
  user: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export interface TokenSignerOptions {
  /** HMAC key; defaults to 32 random bytes (tokens then die with the process, as the in-memory conversations do). */
  key?: Buffer;
  ttlSeconds?: number;
  now?: () => number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export class TokenSigner {
  readonly ttlSeconds: number;
  private readonly key: Buffer;
  private readonly now: () => number;

  constructor(options: TokenSignerOptions = {}) {
    this.key = options.key ?? randomBytes(32);
    if (this.key.length < 32) throw new RangeError('the token signing key must be at least 32 bytes');
    this.ttlSeconds = options.ttlSeconds ?? 1800;
    this.now = options.now ?? Date.now;
  }

  issue(conv: string, user: string): { token: string; expiresIn: number; claims: TokenClaims } {
    const claims: TokenClaims = { conv, user, exp: Math.floor(this.now() / 1000) + this.ttlSeconds };
    const signed = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${signed}.${this.sign(signed)}`, expiresIn: this.ttlSeconds, claims };
  }

  /** The claims of a valid, unexpired token for `conversationId` (when given); throws a 403 DirectLineError otherwise. */
  verify(token: string, conversationId?: string): TokenClaims {
    const [header, payload, signature, extra] = token.split('.');
    if (header !== HEADER || !payload || !signature || extra !== undefined)
      throw forbidden('The token is malformed.');
    const given = Buffer.from(signature, 'base64url');
    const expected = Buffer.from(this.sign(`${header}.${payload}`), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw forbidden('The token is not valid.');
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch (cause) {
      throw Object.assign(forbidden('The token is malformed.'), { cause });
    }
    if (typeof claims.conv !== 'string' || typeof claims.user !== 'string' || typeof claims.exp !== 'number')
      throw forbidden('The token is malformed.');
    if (claims.exp * 1000 <= this.now())
      throw new DirectLineError(
        403,
        'TokenExpired',
        'The token has expired: refresh it or start a new conversation.',
      );
    if (conversationId !== undefined && !sameString(claims.conv, conversationId))
      throw forbidden('The token is not valid for this conversation.');
    return claims;
  }

  private sign(signed: string): string {
    return createHmac('sha256', this.key).update(signed).digest('base64url');
  }
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function forbidden(message: string): DirectLineError {
  return new DirectLineError(403, 'Forbidden', message);
}

/** The token from "Authorization: Bearer <token>"; 401 when missing. */
export function bearerToken(header: string | undefined): string {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token)
    throw new DirectLineError(
      401,
      'Unauthorized',
      'Send "Authorization: Bearer <token>" with a conversation token from POST /api/directline/token.',
    );
  return token;
}

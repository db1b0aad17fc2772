// Exchanges the Direct Line secret for a conversation token at the Direct Line service
// (POST {endpoint}/tokens/generate, Authorization: Bearer <secret>, body { user: { id } }). The secret stays here.
import { DirectLineServiceError } from './errors.js';

export const DEFAULT_DIRECTLINE_ENDPOINT = 'https://directline.botframework.com/v3/directline';

export interface GeneratedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface TokenClientOptions {
  secret: string;
  /** Regional endpoints exist (e.g. https://europe.directline.botframework.com/v3/directline). */
  endpoint?: string;
  timeoutMs?: number;
}

export async function generateToken(options: TokenClientOptions, userId: string): Promise<GeneratedToken> {
  const endpoint = (options.endpoint ?? DEFAULT_DIRECTLINE_ENDPOINT).replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(`${endpoint}/tokens/generate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.secret}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (cause) {
    throw new DirectLineServiceError(undefined, 'the Direct Line token service could not be reached', {
      cause,
    });
  }
  const text = await res.text();
  if (!res.ok) {
    const hint = res.status === 401 || res.status === 403 ? ' (check DIRECTLINE_SECRET)' : '';
    throw new DirectLineServiceError(
      res.status,
      `the Direct Line token service answered HTTP ${res.status}${hint}`,
    );
  }
  let body: Partial<GeneratedToken>;
  try {
    body = JSON.parse(text) as Partial<GeneratedToken>;
  } catch (cause) {
    throw new DirectLineServiceError(
      res.status,
      'the Direct Line token service answered something that is not JSON',
      { cause },
    );
  }
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new DirectLineServiceError(res.status, 'the Direct Line token service answered without a token');
  }
  return {
    token: body.token,
    conversationId: body.conversationId,
    expires_in: typeof body.expires_in === 'number' ? body.expires_in : 1800,
  };
}

// Zalo's identity APIs (graph.zalo.me: the user's profile and verified phone); the notification APIs are in
// zalo-notification-client.ts, and both go through one piece of HTTP plumbing (zalo-http.ts). Wire formats and error
// rules: shared/reference/zalo-platform.md ("Server APIs the proxy calls"). Zalo answers HTTP 200 with
// `{ error: <non-zero>, message }` on failure, so the HTTP status is never trusted on its own; ids are strings.
import { createHmac } from 'node:crypto';
import { callZalo, parseZaloJson, ZaloCallError, type ZaloEnvelope } from './zalo-http';

export interface ZaloClientOptions {
  /** https://graph.zalo.me in production; the sandbox in the demo and tests. */
  graphBaseUrl: string;
  appSecret: string;
  timeoutMs: number;
  /** Extra attempts for transient failures (network, HTTP 429/5xx, Zalo -32/-100). */
  retries: number;
  /** Base delay of the exponential backoff between attempts. */
  retryDelayMs?: number;
}

export interface ZaloProfile {
  id: string;
  name: string;
  avatar: string | null;
}

/**
 * `invalid-token`: Zalo rejected the user's token (452 and the other token codes);
 * `misconfigured`: Zalo refused our app credentials (appsecret_proof or secret_key): our fault, not the user's;
 * `rejected`: Zalo refused the request for another stated reason (for example a used phone code);
 * `unavailable`: Zalo could not be reached or kept failing transiently.
 */
export type ZaloFailureKind = 'invalid-token' | 'misconfigured' | 'rejected' | 'unavailable';

export class ZaloError extends Error {
  constructor(
    readonly kind: ZaloFailureKind,
    message: string,
    readonly zaloCode?: number,
  ) {
    super(message);
    this.name = 'ZaloError';
  }
}

// On the user-token endpoints, -124 answers a wrong appsecret_proof and -104 a wrong secret_key (the reference is
// silent; these follow sandbox/README.md "Error codes"): the app secret is wrong, so no new user token would help.
const APP_CREDENTIAL_CODES = new Set([-124, -104]);
// The other codes of the reference's "refresh token and retry once" class: for a user token they mean "invalid".
const INVALID_TOKEN_CODES = new Set([452, -216, -220]);

export { parseZaloJson };

export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

export function createZaloClient(options: ZaloClientOptions) {
  const http = { timeoutMs: options.timeoutMs, retries: options.retries, retryDelayMs: options.retryDelayMs };

  /** Reading is safe to repeat: transient failures (network, HTTP 429/5xx, Zalo -32/-100) are retried. */
  async function get(path: string, headers: Record<string, string>): Promise<ZaloEnvelope> {
    let body: ZaloEnvelope;
    try {
      body = await callZalo({ url: new URL(path, options.graphBaseUrl).toString(), headers, idempotent: true }, http);
    } catch (error) {
      if (error instanceof ZaloCallError) throw new ZaloError('unavailable', error.message);
      throw error;
    }
    const code = Number(body.error ?? 0);
    if (code === 0) return body;
    if (APP_CREDENTIAL_CODES.has(code)) {
      throw new ZaloError('misconfigured', `Zalo refused the app credentials (${code})`, code);
    }
    if (INVALID_TOKEN_CODES.has(code)) throw new ZaloError('invalid-token', `Zalo rejected the token (${code})`, code);
    throw new ZaloError('rejected', `Zalo refused the request (${code}: ${body.message ?? ''})`, code);
  }

  return {
    /** Verifies a user access token once: `GET /v2.0/me` with the bare token and its appsecret_proof. */
    async getProfile(accessToken: string): Promise<ZaloProfile> {
      const body = await get('/v2.0/me?fields=id,name,picture', {
        access_token: accessToken,
        appsecret_proof: appSecretProof(accessToken, options.appSecret),
      });
      if (typeof body.id !== 'string' || body.id === '') {
        throw new ZaloError('rejected', 'Zalo answered without a user id');
      }
      const picture = body.picture as { data?: { url?: unknown } } | undefined;
      return {
        id: body.id,
        name: typeof body.name === 'string' ? body.name : '',
        avatar: typeof picture?.data?.url === 'string' ? picture.data.url : null,
      };
    },

    /** Exchanges a single-use getPhoneNumber() token for the number, in Zalo's `84…` form. */
    async getPhoneNumber(accessToken: string, phoneToken: string): Promise<string> {
      const body = await get('/v2.0/me/info', {
        access_token: accessToken,
        code: phoneToken,
        secret_key: options.appSecret,
      });
      const number = (body.data as { number?: unknown } | undefined)?.number;
      if (typeof number !== 'string' && typeof number !== 'number') {
        throw new ZaloError('rejected', 'Zalo answered without a phone number');
      }
      return String(number);
    },
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;

import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sameSecret } from './appsecret-proof';
import type { FaultInjector } from './faults';
import type { OaTokenStore } from './oa-tokens';

export interface OaTokenRoutesOptions {
  appId: string;
  appSecret: string;
  oaTokens: OaTokenStore;
  faults: FaultInjector;
}

/**
 * Errors of Zalo's OAuth server: HTTP 200 `{ error, error_name, error_description }`. -14014 and -14002 are in the
 * contract of issue 6; -14001 (a request that is not a refresh) is our choice, the contract being silent.
 */
export const OAUTH_ERROR = {
  INVALID_REQUEST: { error: -14001, error_name: 'Invalid parameter' },
  INVALID_APP: { error: -14002, error_name: 'Invalid app id or secret key' },
  INVALID_REFRESH_TOKEN: { error: -14014, error_name: 'Invalid refresh token' },
} as const;

function field(request: FastifyRequest, name: string): string | undefined {
  const body = request.body as Record<string, unknown> | undefined | null;
  const value = body !== null && typeof body === 'object' ? body[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `POST /v4/oa/access_token` of oauth.zaloapp.com (reference: zalo-platform.md, "OA access token"): form-urlencoded
 * `app_id`, `grant_type=refresh_token`, `refresh_token`, header `secret_key`. The refresh token is single-use and
 * the previous access token stops working. The urlencoded parser is registered for this route's scope only.
 */
export async function oaTokenRoutes(app: FastifyInstance, options: OaTokenRoutesOptions): Promise<void> {
  const { oaTokens } = options;
  await app.register(formbody);
  app.addHook('preHandler', options.faults.hook);

  app.post('/v4/oa/access_token', async (request) => {
    const secretKey = request.headers['secret_key'];
    if (typeof secretKey !== 'string' || !sameSecret(options.appSecret, secretKey) || field(request, 'app_id') !== options.appId) {
      return { ...OAUTH_ERROR.INVALID_APP, error_description: 'app_id or secret_key is wrong' };
    }
    if (field(request, 'grant_type') !== 'refresh_token') {
      return { ...OAUTH_ERROR.INVALID_REQUEST, error_description: 'grant_type must be refresh_token' };
    }
    const refreshToken = field(request, 'refresh_token');
    const pair = refreshToken === undefined ? undefined : oaTokens.refresh(refreshToken);
    if (pair === undefined) {
      return { ...OAUTH_ERROR.INVALID_REFRESH_TOKEN, error_description: 'The refresh token is invalid, expired or already used' };
    }
    return { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: String(oaTokens.accessTokenTtlSeconds) };
  });
}

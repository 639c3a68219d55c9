import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessTokenStore } from './access-tokens';
import { isValidAppsecretProof, sameSecret } from './appsecret-proof';
import type { DemoCitizen } from './demo-citizens';
import type { FaultInjector } from './faults';
import type { PhoneCodeStore } from './phone-codes';
import { ZALO_ERROR, defaultZaloMessage, zaloError } from './zalo-errors';

export interface GraphApiOptions {
  appSecret: string;
  accessTokens: AccessTokenStore;
  phoneCodes: PhoneCodeStore;
  citizens: ReadonlyMap<string, DemoCitizen>;
  faults: FaultInjector;
}

/** Zalo reads these as plain request headers; a repeated header counts as absent. */
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const DEFAULT_FIELDS = ['id', 'name'];

/**
 * The part of graph.zalo.me the proxy calls (reference: zalo-platform.md, "Server APIs the proxy calls").
 * Every answer is HTTP 200; failures carry a non-zero `error`.
 */
export async function graphApiRoutes(app: FastifyInstance, options: GraphApiOptions): Promise<void> {
  const { appSecret, accessTokens, phoneCodes, citizens, faults } = options;
  app.addHook('preHandler', faults.hook);

  const invalidToken = zaloError(ZALO_ERROR.INVALID_ACCESS_TOKEN, defaultZaloMessage(ZALO_ERROR.INVALID_ACCESS_TOKEN));

  app.get<{ Querystring: { fields?: string } }>('/v2.0/me', async (request) => {
    const token = header(request, 'access_token');
    const userId = token === undefined ? undefined : accessTokens.userOf(token);
    const citizen = userId === undefined ? undefined : citizens.get(userId);
    if (token === undefined || citizen === undefined) return invalidToken;

    const proof = header(request, 'appsecret_proof');
    if (proof === undefined || !isValidAppsecretProof(appSecret, token, proof)) {
      return zaloError(ZALO_ERROR.INVALID_APPSECRET_PROOF, defaultZaloMessage(ZALO_ERROR.INVALID_APPSECRET_PROOF));
    }

    const requested = request.query.fields?.split(',').map((field) => field.trim()).filter(Boolean);
    const fields = new Set(requested && requested.length > 0 ? requested : DEFAULT_FIELDS);
    return {
      error: 0,
      message: 'Success',
      ...(fields.has('id') ? { id: citizen.id } : {}),
      ...(fields.has('name') ? { name: citizen.name } : {}),
      ...(fields.has('picture') ? { picture: { data: { url: citizen.avatar } } } : {}),
    };
  });

  app.get('/v2.0/me/info', async (request) => {
    const token = header(request, 'access_token');
    const userId = token === undefined ? undefined : accessTokens.userOf(token);
    const citizen = userId === undefined ? undefined : citizens.get(userId);
    if (token === undefined || citizen === undefined) return invalidToken;

    const secretKey = header(request, 'secret_key');
    if (secretKey === undefined || !sameSecret(appSecret, secretKey)) {
      return zaloError(ZALO_ERROR.INVALID_SECRET_KEY, defaultZaloMessage(ZALO_ERROR.INVALID_SECRET_KEY));
    }

    const code = header(request, 'code');
    if (code === undefined) return zaloError(ZALO_ERROR.INVALID_PHONE_CODE, 'Invalid parameter: code is missing');
    const redemption = phoneCodes.redeem(code, citizen.id);
    if (!redemption.ok) {
      const why = {
        unknown: 'code is invalid',
        'other-user': 'code does not belong to this user',
        used: 'code has already been used',
        expired: 'code has expired',
      }[redemption.reason];
      return zaloError(ZALO_ERROR.INVALID_PHONE_CODE, `Invalid parameter: ${why}`);
    }
    return { error: 0, message: 'Success', data: { number: citizen.phone } };
  });
}

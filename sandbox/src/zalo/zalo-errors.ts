import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * Error codes the fake Graph API answers with (always HTTP 200, `{ error, message }`, like Zalo).
 * 452 is documented (reference: zalo-platform.md, "Verify a user token"). The others are our choice where the
 * reference is silent, picked from codes Zalo uses elsewhere so a client's classification stays plausible:
 * -124 is Zalo's "access token invalid" class (a bad appsecret_proof means this token cannot be used as sent),
 * -104 is "App secret key invalid" in Zalo's ZNS error table, -201 is "Invalid parameter" in the OA API.
 */
export const ZALO_ERROR = {
  INVALID_ACCESS_TOKEN: 452,
  INVALID_APPSECRET_PROOF: -124,
  INVALID_SECRET_KEY: -104,
  INVALID_PHONE_CODE: -201,
} as const;

/**
 * Error codes of the notification APIs (reference: zalo-platform.md, "Mini app notification", "Template message by
 * phone", error classes; the contract of issue 6 says which case answers which). Always HTTP 200 `{ error, message }`.
 */
export const NOTIFY_ERROR = {
  /** Wrong API key or app id (mini app); OA access token invalid or expired (ZBS). */
  INVALID_CREDENTIALS: -124,
  BAD_REQUEST: -112,
  INVALID_PHONE: -108,
  CANNOT_RECEIVE: -118,
  USER_INACTIVE: -119,
  TEMPLATE_NOT_APPROVED: -131,
  QUIET_HOURS: -133,
  NOT_ALLOWED_BY_USER: -141,
  DAILY_LIMIT: -144,
  APP_DAILY_LIMIT: -147,
} as const;

export interface ZaloErrorBody {
  error: number;
  message: string;
}

export function zaloError(error: number, message: string): ZaloErrorBody {
  return { error, message };
}

/** Messages for codes a fault may inject without giving its own; wording follows Zalo's English style. */
const KNOWN_MESSAGES: Record<number, string> = {
  [ZALO_ERROR.INVALID_ACCESS_TOKEN]: 'Session key invalid. This could be because the session key has an incorrect format, or because the user has revoked this session',
  [ZALO_ERROR.INVALID_APPSECRET_PROOF]: 'Invalid appsecret_proof',
  [ZALO_ERROR.INVALID_SECRET_KEY]: 'App secret key invalid',
  [ZALO_ERROR.INVALID_PHONE_CODE]: 'Invalid parameter: code',
  [NOTIFY_ERROR.BAD_REQUEST]: 'Invalid parameter',
  [NOTIFY_ERROR.INVALID_PHONE]: 'Phone number is invalid or does not belong to a Zalo user',
  [NOTIFY_ERROR.CANNOT_RECEIVE]: 'User cannot receive messages',
  [NOTIFY_ERROR.USER_INACTIVE]: 'User has not used the mini app in the last 7 days',
  [NOTIFY_ERROR.TEMPLATE_NOT_APPROVED]: 'Template is not approved',
  [NOTIFY_ERROR.QUIET_HOURS]: 'Messages cannot be sent between 22:00 and 06:00',
  [NOTIFY_ERROR.NOT_ALLOWED_BY_USER]: 'User has not allowed the mini app to send notifications',
  [NOTIFY_ERROR.DAILY_LIMIT]: 'Daily limit exceeded',
  [NOTIFY_ERROR.APP_DAILY_LIMIT]: 'The mini app has reached its daily notification limit',
  [-32]: 'Exceeded rate limit',
  [-100]: 'Unknown error',
  [-216]: 'Access token is invalid',
  [-220]: 'Access token has expired',
};

export function defaultZaloMessage(error: number): string {
  return KNOWN_MESSAGES[error] ?? 'Error';
}

/**
 * In a notification API's scope: a body Fastify cannot read (not JSON, too large) answers like Zalo, HTTP 200
 * `{ error: -112 }`, rather than with the sandbox's own error shape. Other errors go to the parent handler.
 */
export function answerUnreadableBodiesLikeZalo(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(200).send(zaloError(NOTIFY_ERROR.BAD_REQUEST, `Invalid parameter: ${error.message}`));
    }
    throw error;
  });
}

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
  [-32]: 'Exceeded rate limit',
  [-100]: 'Unknown error',
  [-216]: 'Access token is invalid',
  [-220]: 'Access token has expired',
};

export function defaultZaloMessage(error: number): string {
  return KNOWN_MESSAGES[error] ?? 'Error';
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** hex(HMAC-SHA256(key = app secret, data = access token)), as Zalo's Graph API expects it. */
export function appsecretProof(appSecret: string, accessToken: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

export function isValidAppsecretProof(appSecret: string, accessToken: string, proof: string): boolean {
  const expected = Buffer.from(appsecretProof(appSecret, accessToken), 'utf8');
  const given = Buffer.from(proof.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Compares secrets in constant time. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

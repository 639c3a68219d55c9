// Hand-made JWTs for tests that must present tokens the proxy never issued: wrong key, past expiry, other algorithms.
// Written with node:crypto so the forgery does not depend on the signer under test.
import { createHmac } from 'node:crypto';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function forgeJwt(
  payload: Record<string, unknown>,
  { secret, alg = 'HS256' }: { secret?: string; alg?: 'HS256' | 'HS512' | 'none' } = {},
): string {
  const signingInput = `${base64url({ alg, typ: 'JWT' })}.${base64url(payload)}`;
  if (alg === 'none') return `${signingInput}.`;
  const hash = alg === 'HS256' ? 'sha256' : 'sha512';
  return `${signingInput}.${createHmac(hash, secret ?? '').update(signingInput).digest('base64url')}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

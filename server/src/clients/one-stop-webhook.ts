// Status webhooks from the one-stop system (sandbox/README.md, "Status webhooks"): the signature check and the body.
//   X-OneStop-Timestamp: <Unix seconds when the attempt was sent>
//   X-OneStop-Signature: sha256=<hex HMAC-SHA256(key = ONE_STOP_WEBHOOK_SECRET, data = "<timestamp>.<raw body>")>
// The HMAC covers the exact bytes received, so the body is verified before it is parsed. Pure apart from crypto.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type StatusWebhook, statusWebhookWire } from './one-stop-wire';

export const WEBHOOK_TIMESTAMP_HEADER = 'x-onestop-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'x-onestop-signature';
/** A signature older or newer than this is refused, so a captured request cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;
const TIMESTAMP_FORMAT = /^\d{1,12}$/;

export function signWebhook(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return `sha256=${hmac.digest('hex')}`;
}

export type SignatureCheck = 'valid' | 'invalid' | 'stale';

/**
 * `invalid`: a header is missing or malformed, or the HMAC does not match (compared in constant time);
 * `stale`: correctly signed, but the timestamp is more than 5 minutes from `now`.
 */
export function checkWebhookSignature(
  secret: string,
  headers: { timestamp: unknown; signature: unknown },
  rawBody: Buffer,
  now: Date,
): SignatureCheck {
  const { timestamp, signature } = headers;
  if (typeof timestamp !== 'string' || !TIMESTAMP_FORMAT.test(timestamp)) return 'invalid';
  if (typeof signature !== 'string') return 'invalid';
  const match = SIGNATURE_FORMAT.exec(signature.trim());
  if (!match) return 'invalid';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  return skew > WEBHOOK_TOLERANCE_SECONDS ? 'stale' : 'valid';
}

export type ParsedWebhook = { ok: true; webhook: StatusWebhook; payload: unknown } | { ok: false; problem: string };

/** The verified body as the proxy's types; `payload` is the JSON as received (kept in the event history). */
export function parseStatusWebhook(rawBody: Buffer): ParsedWebhook {
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, problem: 'the body is not JSON' };
  }
  const parsed = statusWebhookWire.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, webhook: parsed.data, payload };
}

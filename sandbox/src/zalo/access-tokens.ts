import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';

interface AccessTokenRecord {
  userId: string;
  expiresAt: number;
}

/** Opaque user access tokens, as getAccessToken() would hand them out inside Zalo. In memory: the sandbox forgets on restart. */
export class AccessTokenStore {
  private readonly tokens = new Map<string, AccessTokenRecord>();
  /** When each user last got a token: "used the mini app" for Zalo's 7-day notification rule. */
  private readonly lastIssued = new Map<string, number>();

  constructor(
    private readonly now: Clock,
    private readonly ttlMs: number,
  ) {}

  issue(userId: string): string {
    this.dropExpired();
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, { userId, expiresAt: this.now() + this.ttlMs });
    this.lastIssued.set(userId, this.now());
    return token;
  }

  /** Epoch ms of the user's last sign-in (token issued), or undefined if they never signed in. */
  lastIssuedAt(userId: string): number | undefined {
    return this.lastIssued.get(userId);
  }

  /** The user a live token belongs to, or undefined for an unknown or expired token. */
  userOf(token: string): string | undefined {
    const record = this.tokens.get(token);
    if (!record || record.expiresAt <= this.now()) return undefined;
    return record.userId;
  }

  /** Makes a token expired now; false if the sandbox never issued it. */
  expire(token: string): boolean {
    const record = this.tokens.get(token);
    if (!record) return false;
    record.expiresAt = Math.min(record.expiresAt, this.now());
    return true;
  }

  private dropExpired(): void {
    // Keep expired tokens a while so they answer "expired" (452) rather than vanish; forget them after a day.
    const horizon = this.now() - 24 * 3600 * 1000;
    for (const [token, record] of this.tokens) if (record.expiresAt < horizon) this.tokens.delete(token);
  }
}

/** The user's sandbox access token: header `access_token`, or `accessToken` in the JSON body. */
export function accessTokenOf(request: FastifyRequest<{ Body: { accessToken?: string } | undefined }>): string | undefined {
  const fromHeader = request.headers['access_token'];
  if (typeof fromHeader === 'string' && fromHeader !== '') return fromHeader;
  const fromBody = request.body?.accessToken;
  return typeof fromBody === 'string' && fromBody !== '' ? fromBody : undefined;
}

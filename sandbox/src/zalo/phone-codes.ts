import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

interface PhoneCodeRecord {
  userId: string;
  expiresAt: number;
  used: boolean;
}

export type PhoneCodeRedemption =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'other-user' };

/** getPhoneNumber() tokens: single-use, short-lived, bound to the user whose access token asked for them. */
export class PhoneCodeStore {
  private readonly codes = new Map<string, PhoneCodeRecord>();

  constructor(
    private readonly now: Clock,
    private readonly ttlMs: number,
  ) {}

  issue(userId: string): string {
    this.dropStale();
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { userId, expiresAt: this.now() + this.ttlMs, used: false });
    return code;
  }

  /** Consumes the code if it is live, unused and belongs to `userId`; a failed attempt leaves it untouched. */
  redeem(code: string, userId: string): PhoneCodeRedemption {
    const record = this.codes.get(code);
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.userId !== userId) return { ok: false, reason: 'other-user' };
    if (record.used) return { ok: false, reason: 'used' };
    if (record.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    record.used = true;
    return { ok: true };
  }

  private dropStale(): void {
    const horizon = this.now() - 24 * 3600 * 1000;
    for (const [code, record] of this.codes) if (record.expiresAt < horizon) this.codes.delete(code);
  }
}

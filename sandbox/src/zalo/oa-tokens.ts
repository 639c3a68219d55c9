import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { OaTokenPair } from '../config';

/** Zalo's OA refresh tokens last three months. */
const REFRESH_TOKEN_TTL_MS = 90 * 24 * 3600 * 1000;

export interface OaTokenView extends OaTokenPair {
  /** ISO instant (sandbox clock) the access token stops working. */
  accessTokenExpiresAt: string;
  /** How many refreshes since start. */
  refreshes: number;
}

/**
 * The Official Account's token pair: one access token at a time (25 h by the sandbox clock), and a single-use
 * refresh token that yields the next pair. A refresh ends the previous access token at once. In memory.
 */
export class OaTokenStore {
  private accessToken: string;
  private accessTokenExpiresAt: number;
  private refreshToken: string;
  private refreshTokenExpiresAt: number;
  private refreshes = 0;

  constructor(
    private readonly now: Clock,
    initial: OaTokenPair,
    private readonly accessTokenTtlMs: number,
  ) {
    this.accessToken = initial.accessToken;
    this.accessTokenExpiresAt = now() + accessTokenTtlMs;
    this.refreshToken = initial.refreshToken;
    this.refreshTokenExpiresAt = now() + REFRESH_TOKEN_TTL_MS;
  }

  isValidAccessToken(token: string): boolean {
    return token === this.accessToken && this.now() < this.accessTokenExpiresAt;
  }

  /** The next pair, or undefined for a refresh token that is unknown, already used or expired. */
  refresh(refreshToken: string): OaTokenPair | undefined {
    if (refreshToken !== this.refreshToken || this.now() >= this.refreshTokenExpiresAt) return undefined;
    this.accessToken = `oa-access-${randomBytes(32).toString('base64url')}`;
    this.accessTokenExpiresAt = this.now() + this.accessTokenTtlMs;
    this.refreshToken = `oa-refresh-${randomBytes(32).toString('base64url')}`;
    this.refreshTokenExpiresAt = this.now() + REFRESH_TOKEN_TTL_MS;
    this.refreshes += 1;
    return { accessToken: this.accessToken, refreshToken: this.refreshToken };
  }

  get accessTokenTtlSeconds(): number {
    return Math.round(this.accessTokenTtlMs / 1000);
  }

  /** Control: the current access token answers -124 from now on (the refresh token still works). */
  expireAccessToken(): void {
    this.accessTokenExpiresAt = Math.min(this.accessTokenExpiresAt, this.now());
  }

  /** Expires `token` if it is the current access token; false otherwise. */
  expire(token: string): boolean {
    if (token !== this.accessToken) return false;
    this.expireAccessToken();
    return true;
  }

  view(): OaTokenView {
    return {
      accessToken: this.accessToken,
      refreshToken: this.refreshToken,
      accessTokenExpiresAt: new Date(this.accessTokenExpiresAt).toISOString(),
      refreshes: this.refreshes,
    };
  }
}

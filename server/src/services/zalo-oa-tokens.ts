// The OA access token of template messages by phone (ZBS), in one row: refreshed only here, under the row's lock, and
// the new pair committed before it is used, since Zalo's refresh token is single-use (server/README.md, "OA token").
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { ZaloNotificationClient } from '../clients/zalo-notification-client';
import { ZaloCallError } from '../clients/zalo-http';
import type { Config } from '../config';
import type { Db, Queryable } from '../db/db';

export type OaTokenConfig = Pick<Config['notifications']['zbs'], 'accessToken' | 'refreshToken'>;

export function seedFingerprint(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('hex');
}

/** The OA token could not be refreshed: `code` is Zalo's (e.g. -14014 used or unknown refresh token) or ours. */
export class OaTokenRefreshError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OaTokenRefreshError';
  }
}

interface TokenRow {
  access_token: string;
  refresh_token: string;
  seed_fingerprint: string;
}

/** Seeds the row from the configuration when it is missing or was seeded from another refresh token. */
async function seed(db: Queryable, config: OaTokenConfig, now: Date): Promise<void> {
  await db.query(
    `insert into zalo_oa_tokens (id, access_token, refresh_token, seed_fingerprint, updated_at) values (1, $1, $2, $3, $4)
     on conflict (id) do update set access_token = excluded.access_token, refresh_token = excluded.refresh_token,
       seed_fingerprint = excluded.seed_fingerprint, expires_at = null, refreshed_at = null, updated_at = excluded.updated_at
     where zalo_oa_tokens.seed_fingerprint <> excluded.seed_fingerprint`,
    [config.accessToken, config.refreshToken, seedFingerprint(config.refreshToken), now],
  );
}

async function readRow(db: Queryable, lock: boolean): Promise<TokenRow | null> {
  const { rows } = await db.query<TokenRow>(
    `select access_token, refresh_token, seed_fingerprint from zalo_oa_tokens where id = 1${lock ? ' for update' : ''}`,
  );
  return rows[0] ?? null;
}

/** The access token to use now. */
export async function currentOaAccessToken(db: Queryable, config: OaTokenConfig, now: Date): Promise<string> {
  const row = await readRow(db, false);
  if (row && row.seed_fingerprint === seedFingerprint(config.refreshToken)) return row.access_token;
  await seed(db, config, now);
  return ((await readRow(db, false)) as TokenRow).access_token;
}

export interface RefreshDependencies {
  db: Db;
  client: Pick<ZaloNotificationClient, 'refreshOaToken'>;
  config: OaTokenConfig;
  now: () => Date;
  log: Logger;
}

/**
 * Zalo rejected `rejectedAccessToken`: returns the access token to try instead — the one another worker already
 * refreshed, or a new one from Zalo, stored (with its refresh token) before this returns. Throws OaTokenRefreshError.
 */
export async function refreshOaAccessToken(deps: RefreshDependencies, rejectedAccessToken: string): Promise<string> {
  return deps.db.transaction(async (tx) => {
    await seed(tx, deps.config, deps.now());
    const row = (await readRow(tx, true)) as TokenRow;
    if (row.access_token !== rejectedAccessToken) return row.access_token;

    let answer;
    try {
      answer = await deps.client.refreshOaToken(row.refresh_token);
    } catch (error) {
      if (!(error instanceof ZaloCallError)) throw error;
      if (error.kind === 'outcome-unknown') {
        deps.log.error(
          { problem: error.message },
          'OA token refresh: the answer was lost; if the next refresh is refused, install a new pair (ZALO_OA_REFRESH_TOKEN)',
        );
      }
      throw new OaTokenRefreshError(error.kind === 'unavailable' ? 'OAUTH_UNAVAILABLE' : 'OAUTH_OUTCOME_UNKNOWN', error.message);
    }
    if (!answer.ok) {
      deps.log.error(
        { zaloCode: answer.code },
        'OA token refresh refused: install a new token pair (ZALO_OA_ACCESS_TOKEN and ZALO_OA_REFRESH_TOKEN)',
      );
      throw new OaTokenRefreshError(String(answer.code), `Zalo refused the OA token refresh (${answer.code})`);
    }
    const now = deps.now();
    await tx.query(
      `update zalo_oa_tokens set access_token = $1, refresh_token = $2, refreshed_at = $3, updated_at = $3,
         expires_at = case when $4::integer is null then null else $3::timestamptz + make_interval(secs => $4::integer) end
       where id = 1`,
      [answer.accessToken, answer.refreshToken, now, answer.expiresInSeconds],
    );
    deps.log.info({ expiresInSeconds: answer.expiresInSeconds }, 'OA access token refreshed');
    return answer.accessToken;
  });
}

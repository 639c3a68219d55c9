// What a citizen does about an application once the one-stop system has it: withdraw it while it is undecided, rate
// the service once there is a result. Withdrawal asks the one-stop system first and records its answer through the
// status mirror; when it cannot be reached nothing changes here.
import { type OneStopClient, OneStopError } from '../clients/one-stop-client';
import type { Db, Queryable } from '../db/db';
import { canRate, canWithdraw, DOSSIER_STATUS, type DossierStatus } from '@lao-cai-so/domain/dossier-status';
import { AppError, ServiceUnavailableError } from '../errors';
import { isUuid } from './applications';
import { lockMirror, type StatusSync } from './status-sync';

export const followUpErrors = {
  withdrawalNotAllowed: () =>
    new AppError(
      409,
      'WITHDRAWAL_NOT_ALLOWED',
      'Hồ sơ đã được giải quyết hoặc đã kết thúc nên không thể rút. Nếu cần, hãy liên hệ Bộ phận một cửa.',
    ),
  oneStopUnavailable: () =>
    new ServiceUnavailableError(
      'ONE_STOP_UNAVAILABLE',
      'Chưa kết nối được với Bộ phận một cửa nên hồ sơ chưa được rút. Hãy thử lại sau ít phút.',
    ),
  ratingNotAllowed: () =>
    new AppError(409, 'RATING_NOT_ALLOWED', 'Bạn có thể đánh giá khi hồ sơ đã có kết quả.'),
  alreadyRated: () => new AppError(409, 'ALREADY_RATED', 'Bạn đã đánh giá hồ sơ này rồi. Cảm ơn bạn!'),
};

interface OwnRow {
  id: string;
  status: DossierStatus | null;
  one_stop_id: string | null;
}

/** The caller's application (status and dossier id), or null: unknown and someone else's alike. */
export async function findOwnApplication(db: Queryable, citizenId: string, id: string): Promise<OwnRow | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<OwnRow>('select id, status, one_stop_id from applications where id = $1 and citizen_id = $2', [
    id,
    citizenId,
  ]);
  return rows[0] ?? null;
}

export interface WithdrawalDependencies {
  db: Db;
  oneStop: OneStopClient;
  now: () => Date;
  /** A withdrawal is a status change: applied (and notified) through the status mirror. */
  statusSync: StatusSync;
}

/**
 * Withdraws the caller's application: true when done (or already withdrawn), null when it is not the caller's.
 * Throws WITHDRAWAL_NOT_ALLOWED once decided, ONE_STOP_UNAVAILABLE when the one-stop system cannot be reached.
 */
export async function withdrawApplication(
  deps: WithdrawalDependencies,
  citizenId: string,
  id: string,
  reason: string | null,
): Promise<boolean | null> {
  const application = await findOwnApplication(deps.db, citizenId, id);
  if (!application) return null;
  // A repeat after a lost answer: it is done.
  if (application.status === DOSSIER_STATUS.WITHDRAWN) return true;
  if (application.status === null || application.one_stop_id === null || !canWithdraw(application.status)) {
    throw followUpErrors.withdrawalNotAllowed();
  }
  let dossier;
  try {
    dossier = await deps.oneStop.withdraw(application.one_stop_id, reason);
  } catch (error) {
    if (!(error instanceof OneStopError)) throw error;
    // Decided there meanwhile (our mirror is behind): the citizen's answer is the same as for a decided dossier.
    if (error.code === 'WITHDRAWAL_NOT_ALLOWED') throw followUpErrors.withdrawalNotAllowed();
    throw followUpErrors.oneStopUnavailable();
  }
  await deps.db.transaction(async (tx) => {
    const row = await lockMirror(tx, application.id);
    if (row) await deps.statusSync.applySnapshot(tx, row, dossier, 'citizen', deps.now());
  });
  return true;
}

export interface RatingInput {
  stars: number;
  comment?: string;
}

export interface Rating {
  stars: number;
  comment: string | null;
  createdAt: string;
}

/** Rates the caller's application once it has a result (9 or 10); null when it is not the caller's. */
export async function rateApplication(db: Db, citizenId: string, id: string, input: RatingInput): Promise<Rating | null> {
  const application = await findOwnApplication(db, citizenId, id);
  if (!application) return null;
  if (application.status === null || !canRate(application.status)) throw followUpErrors.ratingNotAllowed();
  const comment = input.comment?.trim() || null;
  // The primary key decides between two ratings sent at once: one is stored, the other is ALREADY_RATED.
  const { rows } = await db.query<{ stars: number; comment: string | null; created_at: Date }>(
    `insert into ratings (application_id, stars, comment) values ($1, $2, $3)
     on conflict (application_id) do nothing
     returning stars, comment, created_at`,
    [application.id, input.stars, comment],
  );
  if (rows.length === 0) throw followUpErrors.alreadyRated();
  return { stars: rows[0].stars, comment: rows[0].comment, createdAt: new Date(rows[0].created_at).toISOString() };
}

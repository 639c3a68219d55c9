// What the status poll (jobs/poll-dossier-status.ts) reads and writes: the open dossiers not heard of lately, least
// recently synced first, and each one's state applied through the same status mirror as webhooks.
import type { OneStopDossier } from '../clients/one-stop-wire';
import type { ForwardingDependencies } from './dossier-forwarding';
import { lockMirror, markSynced } from './status-sync';

/** Non-terminal codes: a dossier at 3, 7, 8 or 10 never changes again. */
const OPEN_STATUSES = [1, 2, 4, 5, 6, 9];

export async function findStaleDossiers(
  { db }: ForwardingDependencies,
  notSyncedSince: Date,
  limit: number,
): Promise<Array<{ id: string; one_stop_id: string }>> {
  const { rows } = await db.query<{ id: string; one_stop_id: string }>(
    `select id, one_stop_id from applications
     where forwarding_state = 'forwarded' and status = any ($1::int[]) and one_stop_id is not null
       and coalesce(last_synced_at, forwarded_at) <= $2
     order by coalesce(last_synced_at, forwarded_at), id
     limit $3`,
    [OPEN_STATUSES, notSyncedSince, limit],
  );
  return rows;
}

/** How many of the dossier's steps moved the application's mirror. */
export async function applyPolledDossier(
  { db, statusSync }: ForwardingDependencies,
  applicationId: string,
  dossier: OneStopDossier,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const row = await lockMirror(tx, applicationId);
    return row ? (await statusSync.applySnapshot(tx, row, dossier, 'poll', now)).applied : 0;
  });
}

/** A look-up the one-stop system refused: not asked again before the next stale period. */
export async function markPollRefused({ db }: ForwardingDependencies, applicationId: string, now: Date): Promise<void> {
  await markSynced(db, applicationId, now);
}

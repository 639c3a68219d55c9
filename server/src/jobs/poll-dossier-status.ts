// The poll-dossier-status job, scheduled by pg-boss cron every STATUS_POLL_INTERVAL_SECONDS: asks the one-stop system
// for each open dossier (forwarded, not terminal) not heard of for STATUS_POLL_STALE_AFTER_SECONDS, the least
// recently synced first, and applies what it says through the same status mirror as webhooks. The steps of
// QuaTrinhXuLy become events with stable ids, so polling again records nothing twice, and a lost webhook heals.
import type { Logger } from 'pino';
import { type OneStopClient, OneStopError } from '../clients/one-stop-client';
import type { Config } from '../config';
import type { Db } from '../db/db';
import type { StatusChangeEffect } from '../services/status-change-effects';
import { applyDossierSnapshot, lockMirror, markSynced } from '../services/status-sync';

export interface PollDependencies {
  db: Db;
  oneStop: OneStopClient;
  log: Logger;
  config: Pick<Config['statusPoll'], 'staleAfterSeconds' | 'batchSize'>;
  /** What a status change sets off (notifications), in its transaction. */
  effects: StatusChangeEffect;
  now?: () => Date;
}

export interface PollReport {
  /** Dossiers asked for, of which `changed` moved their mirror; `failed`: could not be read (the run stops). */
  checked: number;
  changed: number;
  failed: number;
}

/** Non-terminal codes: a dossier at 3, 7, 8 or 10 never changes again. */
const OPEN_STATUSES = [1, 2, 4, 5, 6, 9];

export function createPollDossierStatusHandler({ db, oneStop, log, config, effects, now = () => new Date() }: PollDependencies) {
  return async function pollDossierStatus(): Promise<PollReport> {
    const threshold = new Date(now().getTime() - config.staleAfterSeconds * 1000);
    const { rows } = await db.query<{ id: string; one_stop_id: string }>(
      `select id, one_stop_id from applications
       where forwarding_state = 'forwarded' and status = any ($1::int[]) and one_stop_id is not null
         and coalesce(last_synced_at, forwarded_at) <= $2
       order by coalesce(last_synced_at, forwarded_at), id
       limit $3`,
      [OPEN_STATUSES, threshold, config.batchSize],
    );
    const report: PollReport = { checked: 0, changed: 0, failed: 0 };
    for (const application of rows) {
      report.checked += 1;
      try {
        const dossier = await oneStop.getDossier(application.one_stop_id);
        const applied = await db.transaction(async (tx) => {
          const row = await lockMirror(tx, application.id);
          return row ? (await applyDossierSnapshot(tx, row, dossier, 'poll', now(), effects)).applied : 0;
        });
        if (applied > 0) report.changed += 1;
      } catch (error) {
        if (!(error instanceof OneStopError)) throw error;
        report.failed += 1;
        const failure = { applicationId: application.id, code: error.code, httpStatus: error.httpStatus };
        if (error.kind === 'permanent') {
          // Unknown to the one-stop system (404) or refused: not asked again before the next stale period.
          log.warn(failure, 'status poll: the one-stop system refused the look-up');
          await markSynced(db, application.id, now());
          continue;
        }
        // Down or slow: every other look-up would fail too; the next scheduled run tries again.
        log.warn(failure, 'status poll: the one-stop system is unreachable, stopping this run');
        break;
      }
    }
    if (report.checked > 0) log.info(report, 'status poll done');
    return report;
  };
}

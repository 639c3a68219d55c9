// The poll-dossier-status job, scheduled by pg-boss cron every STATUS_POLL_INTERVAL_SECONDS: asks the one-stop system
// for each open dossier (forwarded, not terminal) not heard of for STATUS_POLL_STALE_AFTER_SECONDS, the least
// recently synced first, and applies what it says through the same status mirror as webhooks. The steps of
// QuaTrinhXuLy become events with stable ids, so polling again records nothing twice, and a lost webhook heals.
import type { Logger } from 'pino';
import { OneStopError } from '../clients/one-stop-client';
import type { Services } from '../composition';
import type { Config } from '../config';

export interface PollDependencies {
  services: Pick<Services, 'statusPoll' | 'oneStop' | 'now'>;
  log: Logger;
  config: Pick<Config['statusPoll'], 'staleAfterSeconds' | 'batchSize'>;
}

export interface PollReport {
  /** Dossiers asked for, of which `changed` moved their mirror; `failed`: could not be read (the run stops). */
  checked: number;
  changed: number;
  failed: number;
}

export function createPollDossierStatusHandler({ services, log, config }: PollDependencies) {
  const { statusPoll, oneStop, now } = services;
  return async function pollDossierStatus(): Promise<PollReport> {
    const threshold = new Date(now().getTime() - config.staleAfterSeconds * 1000);
    const rows = await statusPoll.findStaleDossiers(threshold, config.batchSize);
    const report: PollReport = { checked: 0, changed: 0, failed: 0 };
    for (const application of rows) {
      report.checked += 1;
      try {
        const dossier = await oneStop.getDossier(application.one_stop_id);
        const applied = await statusPoll.applyPolledDossier(application.id, dossier, now());
        if (applied > 0) report.changed += 1;
      } catch (error) {
        if (!(error instanceof OneStopError)) throw error;
        report.failed += 1;
        const failure = { applicationId: application.id, code: error.code, httpStatus: error.httpStatus };
        if (error.kind === 'permanent') {
          // Unknown to the one-stop system (404) or refused: not asked again before the next stale period.
          log.warn(failure, 'status poll: the one-stop system refused the look-up');
          await statusPoll.markPollRefused(application.id, now());
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

// The forward-supplement job: sends the documents a citizen supplied (status 5) to the one-stop system and applies
// its answer (status 4, the due date counted again) to the application's status mirror. Run at least once by pg-boss;
// safe to run again: the one-stop system de-duplicates by the supplement id (Idempotency-Key), and a supplement
// already forwarded is left alone. Failures: jobs/forwarding-failure.ts, as for applications.
import type { Logger } from 'pino';
import type { Services } from '../composition';
import type { ForwardSupplementJob } from '../queue/queues';
import { handleForwardingFailure } from './forwarding-failure';

export interface ForwardSupplementRun {
  id: string;
  data: ForwardSupplementJob;
  retryCount: number;
  retryLimit: number;
}

export type ForwardSupplementOutcome = 'forwarded' | 'already-done' | 'missing' | 'failed';

export interface ForwardSupplementDependencies {
  services: Pick<Services, 'forwarding' | 'oneStop' | 'now'>;
  log: Logger;
}

export function createForwardSupplementHandler({ services, log }: ForwardSupplementDependencies) {
  const { forwarding, oneStop, now } = services;
  return async function forwardSupplement(job: ForwardSupplementRun): Promise<ForwardSupplementOutcome> {
    const { supplementId } = job.data;
    const jobLog = log.child({ job: job.id, supplementId, attempt: job.retryCount + 1 });
    const supplement = await forwarding.findSupplementToForward(supplementId);
    if (!supplement) return 'missing';
    if (supplement.state !== 'pending') return 'already-done';
    if (!supplement.one_stop_id) {
      jobLog.error('the application has no dossier in the one-stop system');
      await forwarding.markSupplementFailed(supplementId, 'NOT_FORWARDED');
      return 'failed';
    }

    const documents = await forwarding.loadSupplementDocuments(supplementId);
    try {
      const { created, dossier } = await oneStop.pushSupplement({
        dossierId: supplement.one_stop_id,
        supplementId,
        note: supplement.note,
        documents,
      });
      await forwarding.applySupplementAnswer(supplementId, supplement.application_id, dossier, now());
      jobLog.info({ created, status: dossier.status }, 'supplement forwarded');
      return 'forwarded';
    } catch (error) {
      return handleForwardingFailure(error, {
        job,
        log: jobLog,
        markFailed: (code) => forwarding.markSupplementFailed(supplementId, code),
        messages: {
          refused: 'the one-stop system refused the supplement',
          gaveUp: 'supplement forwarding gave up after the last retry',
          willRetry: 'supplement forwarding failed, will retry',
        },
      });
    }
  };
}

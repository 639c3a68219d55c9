// The forward-supplement job: sends the documents a citizen supplied (status 5) to the one-stop system and applies
// its answer (status 4, the due date counted again) to the application's status mirror. Run at least once by pg-boss;
// safe to run again: the one-stop system de-duplicates by the supplement id (Idempotency-Key), and a supplement
// already forwarded is left alone. Failures are handled as for applications (jobs/forward-application.ts).
import type { Logger } from 'pino';
import { type DossierDocument, type OneStopClient, OneStopError } from '../clients/one-stop-client';
import type { Db } from '../db/db';
import type { StatusChangeEffect } from '../services/status-change-effects';
import { applyDossierSnapshot, lockMirror } from '../services/status-sync';
import type { ForwardSupplementJob } from '../queue/queues';

export interface ForwardSupplementRun {
  id: string;
  data: ForwardSupplementJob;
  retryCount: number;
  retryLimit: number;
}

export type ForwardSupplementOutcome = 'forwarded' | 'already-done' | 'missing' | 'failed';

export interface ForwardSupplementDependencies {
  db: Db;
  oneStop: OneStopClient;
  log: Logger;
  /** What a status change sets off (notifications), in its transaction. */
  effects: StatusChangeEffect;
  now?: () => Date;
}

async function markFailed(db: Db, supplementId: string, code: string): Promise<void> {
  await db.query(`update supplements set state = 'failed', forwarding_error = $2 where id = $1 and state = 'pending'`, [
    supplementId,
    code,
  ]);
}

export function createForwardSupplementHandler({ db, oneStop, log, effects, now = () => new Date() }: ForwardSupplementDependencies) {
  return async function forwardSupplement(job: ForwardSupplementRun): Promise<ForwardSupplementOutcome> {
    const { supplementId } = job.data;
    const jobLog = log.child({ job: job.id, supplementId, attempt: job.retryCount + 1 });
    const { rows } = await db.query<{ state: string; note: string | null; application_id: string; one_stop_id: string | null }>(
      `select s.state, s.note, s.application_id, a.one_stop_id
       from supplements s join applications a on a.id = s.application_id
       where s.id = $1`,
      [supplementId],
    );
    const supplement = rows[0];
    if (!supplement) return 'missing';
    if (supplement.state !== 'pending') return 'already-done';
    if (!supplement.one_stop_id) {
      jobLog.error('the application has no dossier in the one-stop system');
      await markFailed(db, supplementId, 'NOT_FORWARDED');
      return 'failed';
    }

    const files = await db.query<{ document_name: string; original_name: string; content_type: string; bytes: Uint8Array }>(
      `select sa.document_name, u.original_name, u.content_type, u.bytes
       from supplement_attachments sa join uploads u on u.id = sa.upload_id
       where sa.supplement_id = $1 order by sa.position`,
      [supplementId],
    );
    const documents: DossierDocument[] = files.rows.map((file) => ({
      documentCode: file.document_name,
      fileName: file.original_name,
      contentType: file.content_type,
      bytes: file.bytes,
    }));
    try {
      const { created, dossier } = await oneStop.pushSupplement({
        dossierId: supplement.one_stop_id,
        supplementId,
        note: supplement.note,
        documents,
      });
      await db.transaction(async (tx) => {
        await tx.query(`update supplements set state = 'forwarded', forwarded_at = now() where id = $1 and state = 'pending'`, [
          supplementId,
        ]);
        const row = await lockMirror(tx, supplement.application_id);
        if (row) await applyDossierSnapshot(tx, row, dossier, 'citizen', now(), effects);
      });
      jobLog.info({ created, status: dossier.status }, 'supplement forwarded');
      return 'forwarded';
    } catch (error) {
      if (!(error instanceof OneStopError)) throw error;
      const failure = { code: error.code, httpStatus: error.httpStatus, kind: error.kind };
      if (error.kind === 'permanent') {
        jobLog.error(failure, 'the one-stop system refused the supplement');
        await markFailed(db, supplementId, error.code);
        return 'failed';
      }
      if (job.retryCount >= job.retryLimit) {
        jobLog.error(failure, 'supplement forwarding gave up after the last retry');
        await markFailed(db, supplementId, error.code);
        return 'failed';
      }
      jobLog.warn(failure, 'supplement forwarding failed, will retry');
      throw error;
    }
  };
}

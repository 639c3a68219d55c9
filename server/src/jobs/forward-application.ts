// The forward-application job: pushes an application and its documents to the one-stop system and records the
// answer (one_stop_id, MaHoSo → receipt_code, NgayHenTra → due_at, TrangThaiHoSo → status). pg-boss runs it at
// least once; it is safe to run again because the one-stop system de-duplicates by the application id and because
// an application already forwarded is left alone.
//
// Transient failures (one-stop system down, slow, 5xx, lost answer) throw, so pg-boss retries with exponential
// backoff and jitter; a permanent refusal marks the application `failed` and ends the job, as does the last
// transient failure once the retries are used up.
import type { Logger } from 'pino';
import type { DossierDocument, OneStopClient } from '../clients/one-stop-client';
import { OneStopError } from '../clients/one-stop-client';
import type { Db, Queryable } from '../db/db';
import { APPLICANT_FIELDS } from '@lao-cai-so/domain/application-form';
import type { StatusChangeEffect } from '../services/status-change-effects';
import { applyDossierSnapshot, lockMirror } from '../services/status-sync';
import type { ForwardApplicationJob } from '../queue/queues';

export interface ForwardJob {
  id: string;
  data: ForwardApplicationJob;
  retryCount: number;
  retryLimit: number;
}

export type ForwardOutcome = 'forwarded' | 'already-done' | 'missing' | 'failed';

export interface ForwardDependencies {
  db: Db;
  oneStop: OneStopClient;
  log: Logger;
  /** What a status change sets off (notifications), in its transaction. */
  effects: StatusChangeEffect;
  now?: () => Date;
}

interface ApplicationRow {
  id: string;
  procedure_code: string;
  procedure_name: string;
  office_code: string;
  fields: Record<string, unknown>;
  forwarding_state: string;
}

const APPLICANT_CODES = new Set(APPLICANT_FIELDS.map((field) => field.code));

async function loadDocuments(db: Queryable, applicationId: string): Promise<DossierDocument[]> {
  const { rows } = await db.query<{ document_code: string; original_name: string; content_type: string; bytes: Uint8Array }>(
    `select t.document_code, u.original_name, u.content_type, u.bytes
     from application_attachments t join uploads u on u.id = t.upload_id
     where t.application_id = $1 order by t.position`,
    [applicationId],
  );
  return rows.map((row) => ({
    documentCode: row.document_code,
    fileName: row.original_name,
    contentType: row.content_type,
    bytes: row.bytes,
  }));
}

async function markFailed(db: Queryable, applicationId: string, code: string): Promise<void> {
  await db.query(
    `update applications set forwarding_state = 'failed', forwarding_error = $2
     where id = $1 and forwarding_state = 'pending'`,
    [applicationId, code],
  );
}

export function createForwardApplicationHandler({ db, oneStop, log, effects, now = () => new Date() }: ForwardDependencies) {
  return async function forwardApplication(job: ForwardJob): Promise<ForwardOutcome> {
    const { applicationId } = job.data;
    const jobLog = log.child({ job: job.id, applicationId, attempt: job.retryCount + 1 });
    const { rows } = await db.query<ApplicationRow>(
      `select a.id, a.procedure_code, p.name as procedure_name, a.office_code, a.fields, a.forwarding_state
       from applications a join procedures p on p.code = a.procedure_code
       where a.id = $1`,
      [applicationId],
    );
    const application = rows[0];
    // Deleted with its citizen (delete my data) before it could be forwarded: nothing to send.
    if (!application) return 'missing';
    if (application.forwarding_state !== 'pending') return 'already-done';

    const fields = application.fields;
    const formData = Object.fromEntries(Object.entries(fields).filter(([code]) => !APPLICANT_CODES.has(code)));
    try {
      const { created, dossier } = await oneStop.pushDossier({
        applicationId: application.id,
        procedureCode: application.procedure_code,
        procedureName: application.procedure_name,
        unitCode: application.office_code,
        applicantName: String(fields.applicant_full_name ?? ''),
        applicantPhone: String(fields.applicant_phone ?? ''),
        applicantCitizenId: typeof fields.applicant_citizen_id === 'string' ? fields.applicant_citizen_id : undefined,
        formData,
        documents: await loadDocuments(db, application.id),
      });
      // The dossier's steps become the first events of the history, through the same status mirror as webhooks
      // (whose "accept" may have arrived first: then this only fills what is missing).
      await db.transaction(async (tx) => {
        const row = await lockMirror(tx, application.id);
        if (!row) return;
        if (row.forwarding_state === 'pending') {
          await tx.query(
            `update applications set forwarding_state = 'forwarded', forwarded_at = now(), one_stop_id = $2,
               receipt_code = $3, due_at = $4
             where id = $1`,
            [application.id, dossier.id, dossier.receiptCode, dossier.dueAt],
          );
          row.forwarding_state = 'forwarded';
          row.one_stop_id = dossier.id;
        }
        await applyDossierSnapshot(tx, row, dossier, 'poll', now(), effects);
      });
      // Receipt codes are not personal, but there is no need for them in logs either.
      jobLog.info({ created, status: dossier.status, accepted: dossier.receiptCode !== null }, 'application forwarded');
      return 'forwarded';
    } catch (error) {
      if (!(error instanceof OneStopError)) throw error;
      const failure = { code: error.code, httpStatus: error.httpStatus, kind: error.kind };
      if (error.kind === 'permanent') {
        jobLog.error(failure, 'the one-stop system refused the application');
        await markFailed(db, application.id, error.code);
        return 'failed';
      }
      if (error.httpStatus === 401 || error.httpStatus === 403) {
        jobLog.error(failure, 'the one-stop system refused our credentials: check ONE_STOP_API_TOKEN');
      }
      if (job.retryCount >= job.retryLimit) {
        jobLog.error(failure, 'forwarding gave up after the last retry');
        await markFailed(db, application.id, error.code);
        return 'failed';
      }
      jobLog.warn(failure, 'forwarding failed, will retry');
      throw error;
    }
  };
}

// The forward-application job: pushes an application and its documents to the one-stop system and records the
// answer (one_stop_id, MaHoSo → receipt_code, NgayHenTra → due_at, TrangThaiHoSo → status). Run at least once by
// pg-boss; safe to run again: the one-stop system de-duplicates by the application id, and an application already
// forwarded is left alone. Failures: jobs/forwarding-failure.ts.
import type { Logger } from 'pino';
import { APPLICANT_FIELDS } from '@lao-cai-so/domain/application-form';
import type { Services } from '../composition';
import type { ForwardApplicationJob } from '../queue/queues';
import { handleForwardingFailure } from './forwarding-failure';

export interface ForwardJob {
  id: string;
  data: ForwardApplicationJob;
  retryCount: number;
  retryLimit: number;
}

export type ForwardOutcome = 'forwarded' | 'already-done' | 'missing' | 'failed';

export interface ForwardDependencies {
  services: Pick<Services, 'forwarding' | 'oneStop' | 'now'>;
  log: Logger;
}

const APPLICANT_CODES = new Set(APPLICANT_FIELDS.map((field) => field.code));

export function createForwardApplicationHandler({ services, log }: ForwardDependencies) {
  const { forwarding, oneStop, now } = services;
  return async function forwardApplication(job: ForwardJob): Promise<ForwardOutcome> {
    const { applicationId } = job.data;
    const jobLog = log.child({ job: job.id, applicationId, attempt: job.retryCount + 1 });
    const application = await forwarding.findApplicationToForward(applicationId);
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
        documents: await forwarding.loadApplicationDocuments(application.id),
      });
      await forwarding.recordApplicationForwarded(application.id, dossier, now());
      // Receipt codes are not personal, but there is no need for them in logs either.
      jobLog.info({ created, status: dossier.status, accepted: dossier.receiptCode !== null }, 'application forwarded');
      return 'forwarded';
    } catch (error) {
      return handleForwardingFailure(error, {
        job,
        log: jobLog,
        markFailed: (code) => forwarding.markApplicationFailed(application.id, code),
        messages: {
          refused: 'the one-stop system refused the application',
          gaveUp: 'forwarding gave up after the last retry',
          willRetry: 'forwarding failed, will retry',
        },
        credentialsHint: 'the one-stop system refused our credentials: check ONE_STOP_API_TOKEN',
      });
    }
  };
}

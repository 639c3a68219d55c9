// The failure handling both forwarding jobs share (jobs/forward-application.ts, jobs/forward-supplement.ts).
import type { Logger } from 'pino';
import { OneStopError } from '../clients/one-stop-client';

export interface ForwardingFailure {
  job: { retryCount: number; retryLimit: number };
  log: Logger;
  /** Records the failure on the application or supplement (state `failed`, the one-stop error code). */
  markFailed: (code: string) => Promise<void>;
  messages: { refused: string; gaveUp: string; willRetry: string };
  /** Also log a refusal of our credentials (401/403) with what to check. */
  credentialsHint?: string;
}

/**
 * A permanent refusal, or a transient failure after the last retry, is recorded and ends the job (`failed`); any
 * other transient failure is rethrown so that pg-boss retries it with backoff. Errors that are not the one-stop
 * client's are rethrown as they are.
 */
export async function handleForwardingFailure(error: unknown, { job, log, markFailed, messages, credentialsHint }: ForwardingFailure): Promise<'failed'> {
  if (!(error instanceof OneStopError)) throw error;
  const failure = { code: error.code, httpStatus: error.httpStatus, kind: error.kind };
  if (error.kind === 'permanent') {
    log.error(failure, messages.refused);
    await markFailed(error.code);
    return 'failed';
  }
  if (credentialsHint && (error.httpStatus === 401 || error.httpStatus === 403)) log.error(failure, credentialsHint);
  if (job.retryCount >= job.retryLimit) {
    log.error(failure, messages.gaveUp);
    await markFailed(error.code);
    return 'failed';
  }
  log.warn(failure, messages.willRetry);
  throw error;
}

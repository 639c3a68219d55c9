// What follows a status change of an application, inside the transaction that applied it (services/status-sync.ts).
//
// Notifications (issue 6): the notification rows and their send jobs are written here through `tx`, so that a change
// and its notifications are committed together or not at all, whichever way the change arrived (webhook, poll, the
// citizen's own supplement or withdrawal). It is called once per event that changed or refreshed the mirror, never
// for stale, refused or repeated events, after the dossier's due date and details of that report are written.
import type { Config } from '../config';
import type { Queryable } from '../db/db';
import type { DossierStatus } from '@lao-cai-so/domain/dossier-status';
import type { JobQueue } from '../queue/job-queue';
import { writeNotifications } from './notification-outbox';

export interface AppliedStatusChange {
  applicationId: string;
  citizenId: string;
  /** null when this is the first status the proxy learns. */
  previousStatus: DossierStatus | null;
  status: DossierStatus;
  /** `changed`: a new code; `refreshed`: the same code with newer details (a new due date, a supplement received). */
  outcome: 'changed' | 'refreshed';
  eventId: string;
  source: 'webhook' | 'poll' | 'citizen';
  /** The webhook's action (accept, request-supplement, delay, …); null for steps read from a dossier. */
  action: string | null;
  occurredAt: Date;
  /** The due date once the report is applied, and before it (a delay moves it later). */
  dueAt: Date | null;
  previousDueAt: Date | null;
}

export type StatusChangeEffect = (tx: Queryable, change: AppliedStatusChange) => Promise<void>;

export interface StatusChangeEffectDependencies {
  /** Where the send jobs go, enqueued through the transaction. */
  jobs: JobQueue;
  config: Pick<Config, 'notifications'>;
  /** The clock of the notification rows (tests fix it). */
  now: () => Date;
}

/** The effects of every status change: the notifications outbox. Built once per process (app.ts, worker.ts). */
export function createStatusChangeEffects(deps: StatusChangeEffectDependencies): StatusChangeEffect {
  return (tx, change) => writeNotifications(tx, change, deps);
}

// What follows a status change of an application, inside the transaction that applied it (services/status-sync.ts).
//
// The seam for issue 6 (notifications): write the notification rows here and enqueue the notify job through `tx`
// (`jobs.boss.send(…, { db: transactionDb(tx) })`), so that a change and its notification are committed together or
// not at all, whichever way the change arrived (webhook, poll, the citizen's own supplement or withdrawal).
// It is called once per event that changed or refreshed the mirror, never for stale, refused or repeated events.
import type { Queryable } from '../db/db';
import type { DossierStatus } from '../domain/dossier-status';

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
  dueAt: Date | null;
}

export type StatusChangeEffect = (tx: Queryable, change: AppliedStatusChange) => Promise<void>;

/** Nothing yet: notifications (issue 6) plug in here. */
export const applyStatusChangeEffects: StatusChangeEffect = async () => undefined;

// What the proxy's status mirror records and applies (server/src/services/status-sync.ts), as plain data: the
// notifications outbox and the API's application views read the same shapes.
import type { DossierStatus } from './dossier-status';

/** Where a status event came from: the one-stop system's webhook, our poll, or the answer to the citizen's own call. */
export type EventSource = 'webhook' | 'poll' | 'citizen';

/** What applying one event did to the mirror. */
export type ApplyOutcome = 'changed' | 'refreshed' | 'stale' | 'rejected' | 'duplicate';

/** The details of the current status, as stored in applications.status_details (dates as ISO strings). */
export interface StatusDetails {
  reason: string | null;
  /** The newest request for documents not yet answered. */
  supplement: {
    requestId: string;
    note: string | null;
    documents: Array<{ name: string }>;
    requestedAt: string | null;
    previousDueAt: string | null;
    newDueAt: string | null;
  } | null;
  /** The newest unpaid fee. */
  fee: { amount: number; currency: string; description: string | null; paymentMethod: string | null } | null;
  result: { pickupPlace: string | null; pickupMethod: string | null; note: string | null } | null;
  /** The newest delay with an apology (Mẫu 04). */
  delay: { apology: string | null; previousDueAt: string | null; newDueAt: string | null } | null;
}

/** One status change the mirror applied, once the due date and details of its report are written. */
export interface AppliedStatusChange {
  applicationId: string;
  citizenId: string;
  /** null when this is the first status the proxy learns. */
  previousStatus: DossierStatus | null;
  status: DossierStatus;
  /** `changed`: a new code; `refreshed`: the same code with newer details (a new due date, a supplement received). */
  outcome: 'changed' | 'refreshed';
  eventId: string;
  source: EventSource;
  /** The webhook's action (accept, request-supplement, delay, …); null for steps read from a dossier. */
  action: string | null;
  occurredAt: Date;
  /** The due date once the report is applied, and before it (a delay moves it later). */
  dueAt: Date | null;
  previousDueAt: Date | null;
}

// The status mirror of an application: every status event the one-stop system reports (a webhook, a step read from
// the dossier when polling or from its answer to our own calls) goes through StatusSync (applyReport, applySnapshot),
// inside the caller's transaction. Each event is recorded in application_events once (by its event id, and by its step's content, so a
// step seen by webhook and again by poll is one row); the mirror (status, due date, details) moves only when
// domain/dossier-status.ts `applyEvent` says so: never backwards, never along a forbidden transition.
import { createHash } from 'node:crypto';
import type { DossierState, OneStopDossier, ProcessingStep } from '../clients/one-stop-wire';
import type { Queryable } from '../db/db';
import { applyEvent, type DossierStatus } from '@lao-cai-so/domain/dossier-status';
import type { AppliedStatusChange, ApplyOutcome, EventSource, StatusDetails } from '@lao-cai-so/domain/status-change';
import type { NotificationOutbox } from './notification-outbox';

/** An application's mirror, locked for the transaction (select … for update). */
export interface MirrorRow {
  id: string;
  citizen_id: string;
  status: DossierStatus | null;
  last_status_at: Date | null;
  forwarding_state: 'pending' | 'forwarded' | 'failed';
  one_stop_id: string | null;
  /** The due date (NgayHenTra) as last written; kept up to date in place like the status. */
  due_at: Date | null;
}

export interface StatusReport {
  eventId: string;
  source: EventSource;
  action: string | null;
  step: ProcessingStep;
  /** The dossier's state after this event, applied with it when it moves the mirror; null: the status only. */
  state: DossierState | null;
  dossierId: string;
  /** Kept in the history as received. */
  payload: unknown;
  /** The report carries the dossier's whole state: when it moves the mirror, the mirror is current as of this time. */
  syncedAt?: Date;
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

export function statusDetailsOf(state: DossierState): StatusDetails {
  const openRequest = [...state.supplements].reverse().find((request) => request.suppliedAt === null) ?? null;
  const unpaid = [...state.fees].reverse().find((fee) => !fee.paid) ?? null;
  const apology = state.apologies.at(-1) ?? null;
  return {
    reason: state.reason,
    supplement: openRequest && {
      requestId: openRequest.requestId,
      note: openRequest.note,
      documents: openRequest.documents.map((name) => ({ name })),
      requestedAt: iso(openRequest.requestedAt),
      previousDueAt: iso(openRequest.previousDueAt),
      newDueAt: iso(openRequest.newDueAt),
    },
    fee: unpaid && {
      amount: unpaid.amount,
      currency: unpaid.currency,
      description: unpaid.description,
      paymentMethod: unpaid.paymentMethod,
    },
    result: state.resultPickup && {
      pickupPlace: state.resultPickup.place,
      pickupMethod: state.resultPickup.method,
      note: state.resultPickup.note,
    },
    delay: apology && {
      apology: apology.message,
      previousDueAt: iso(apology.previousDueAt),
      newDueAt: iso(apology.newDueAt),
    },
  };
}

/** One processing step's identity: its time, code, officer, unit and note (stable across webhook and poll). */
export function stepKey(step: ProcessingStep): string {
  return createHash('sha256')
    .update(JSON.stringify([step.at.toISOString(), step.status, step.officer, step.unit, step.note]))
    .digest('hex');
}

/** The event id of a step read from a dossier: the same on every poll, so re-polling never duplicates history. */
export function stepEventId(dossierId: string, step: ProcessingStep): string {
  return `step:${dossierId}:${stepKey(step)}`;
}

const MIRROR_COLUMNS = 'id, citizen_id, status, last_status_at, forwarding_state, one_stop_id, due_at';

/** Locks an application's mirror for this transaction; null when there is none. */
export async function lockMirror(tx: Queryable, applicationId: string): Promise<MirrorRow | null> {
  const { rows } = await tx.query<MirrorRow>(`select ${MIRROR_COLUMNS} from applications where id = $1 for update`, [
    applicationId,
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    last_status_at: row.last_status_at === null ? null : new Date(row.last_status_at),
    due_at: row.due_at === null ? null : new Date(row.due_at),
  };
}

/**
 * Writes what a report moved in the application's mirror, in one update (one new row version): the step's status,
 * the dossier's state (due date, receipt code, details) and the time the mirror was last known current.
 */
async function updateMirror(
  tx: Queryable,
  row: MirrorRow,
  { step, state, syncedAt }: { step?: ProcessingStep; state?: DossierState | null; syncedAt?: Date },
): Promise<void> {
  const columns: Array<[column: string, value: unknown]> = [];
  if (step) columns.push(['status', step.status], ['last_status_at', step.at]);
  if (state) {
    columns.push(['due_at', state.dueAt], ['status_details', JSON.stringify(statusDetailsOf(state))]);
    // A state without a receipt code keeps the one the mirror has.
    if (state.receiptCode !== null) columns.push(['receipt_code', state.receiptCode]);
  }
  if (syncedAt) columns.push(['last_synced_at', syncedAt]);
  if (columns.length === 0) return;
  const assignments = columns.map(([column], index) => `${column} = $${index + 2}${column === 'status_details' ? '::jsonb' : ''}`);
  await tx.query(`update applications set ${assignments.join(', ')} where id = $1`, [row.id, ...columns.map(([, value]) => value)]);
  if (step) {
    row.status = step.status;
    row.last_status_at = step.at;
  }
  if (state) row.due_at = state.dueAt;
}

/** A change the mirror applied, before the due date that results is known. */
type PendingChange = Omit<AppliedStatusChange, 'dueAt' | 'previousDueAt'>;

/** Writes the notifications of the changes a report applied, once its due date and details are written. */
async function writeOutbox(
  tx: Queryable,
  row: MirrorRow,
  changes: readonly PendingChange[],
  previousDueAt: Date | null,
  outbox: StatusSyncDependencies['outbox'],
): Promise<void> {
  if (changes.length === 0) return;
  const dueAt = row.due_at;
  for (const change of changes) await outbox.write(tx, { ...change, dueAt, previousDueAt });
}

async function recordStatusReport(
  tx: Queryable,
  row: MirrorRow,
  report: StatusReport,
): Promise<{ outcome: ApplyOutcome; change?: PendingChange }> {
  const { step } = report;
  const previousStatus = row.status;
  const decision =
    row.status === null
      ? ({ outcome: 'changed' } as const)
      : applyEvent({ status: row.status, lastEventAt: row.last_status_at }, { status: step.status, occurredAt: step.at });
  const applied = decision.outcome === 'changed' || decision.outcome === 'refreshed';

  const inserted = await tx.query(
    `insert into application_events
       (application_id, event_id, step_key, source, action, status, occurred_at, unit, officer, note, payload, applied, outcome)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13)
     on conflict do nothing
     returning id`,
    [
      row.id,
      report.eventId,
      stepKey(step),
      report.source,
      report.action,
      step.status,
      step.at,
      step.unit,
      step.officer,
      step.note,
      JSON.stringify(report.payload ?? null),
      applied,
      decision.outcome,
    ],
  );
  if (inserted.rows.length === 0) return { outcome: 'duplicate' };
  if (!applied) return { outcome: decision.outcome };

  if (row.forwarding_state !== 'forwarded') {
    // The one-stop system has the dossier (its webhook can overtake the answer to our push): forwarded, then.
    await tx.query(
      `update applications set forwarding_state = 'forwarded', forwarded_at = now(), forwarding_error = null,
         one_stop_id = coalesce(one_stop_id, $2)
       where id = $1`,
      [row.id, report.dossierId],
    );
    row.forwarding_state = 'forwarded';
    row.one_stop_id ??= report.dossierId;
  }
  await updateMirror(tx, row, {
    step,
    state: report.state && report.state.status === step.status ? report.state : null,
    syncedAt: report.syncedAt,
  });

  const outcome = decision.outcome as 'changed' | 'refreshed';
  return {
    outcome,
    change: {
      applicationId: row.id,
      citizenId: row.citizen_id,
      previousStatus,
      status: step.status,
      outcome,
      eventId: report.eventId,
      source: report.source,
      action: report.action,
      occurredAt: step.at,
    },
  };
}

export async function markSynced(tx: Queryable, applicationId: string, at: Date): Promise<void> {
  await tx.query('update applications set last_synced_at = $2 where id = $1', [applicationId, at]);
}

export interface SnapshotResult {
  /** How many steps were new to the history, and how many of them moved the mirror. */
  recorded: number;
  applied: number;
  status: DossierStatus | null;
}

/**
 * Records one event and applies it when it moves the mirror forward. `row` is the locked mirror; it is updated in
 * place so that several reports can be applied in a row (the steps of a dossier). An event already recorded (same
 * event id, or the same step under another id) answers `duplicate` and changes nothing. The notifications of a
 * change are written in the same transaction (the outbox).
 */
async function applyStatusReport(
  outbox: StatusSyncDependencies['outbox'],
  tx: Queryable,
  row: MirrorRow,
  report: StatusReport,
): Promise<ApplyOutcome> {
  const previousDueAt = row.due_at;
  const { outcome, change } = await recordStatusReport(tx, row, report);
  if (change) await writeOutbox(tx, row, [change], previousDueAt, outbox);
  return outcome;
}

/**
 * Applies a whole dossier as the one-stop system shows it (a poll, or its answer to our push, supplement or
 * withdrawal): each step of QuaTrinhXuLy is an event with a stable id, oldest first; then, when the mirror stands at
 * the dossier's status, the dossier's due date and details, which are its current ones; then the notifications of
 * every step that moved the mirror, which see those details.
 */
async function applyDossierSnapshot(
  outbox: StatusSyncDependencies['outbox'],
  tx: Queryable,
  row: MirrorRow,
  dossier: OneStopDossier,
  source: EventSource,
  now: Date,
): Promise<SnapshotResult> {
  const previousDueAt = row.due_at;
  const changes: PendingChange[] = [];
  const steps =
    dossier.steps.length > 0
      ? dossier.steps
      : // A dossier without its history: its current status as one step.
        [{ at: dossier.acceptedAt ?? dossier.submittedAt ?? now, status: dossier.status, officer: null, unit: null, note: null }];
  const ordered = steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.at.getTime() - b.step.at.getTime() || a.index - b.index);
  let recorded = 0;
  let applied = 0;
  for (const { step } of ordered) {
    const { outcome, change } = await recordStatusReport(tx, row, {
      eventId: stepEventId(dossier.id, step),
      source,
      action: null,
      step,
      state: null,
      dossierId: dossier.id,
      payload: { Id: dossier.id, step: { ...step, at: step.at.toISOString() } },
    });
    if (outcome !== 'duplicate') recorded += 1;
    if (change) {
      applied += 1;
      changes.push(change);
    }
  }
  const newest = ordered.at(-1)?.step.at;
  const current = row.status === dossier.status && (row.last_status_at === null || (newest && newest >= row.last_status_at));
  await updateMirror(tx, row, { state: current ? dossier : null, syncedAt: now });
  await writeOutbox(tx, row, changes, previousDueAt, outbox);
  return { recorded, applied, status: row.status };
}

export interface StatusSyncDependencies {
  /** Where each applied change writes its notifications, in the transaction that applied it. */
  outbox: Pick<NotificationOutbox, 'write'>;
}

/** The status mirror: built once (composition.ts) with its outbox; every caller passes its own transaction. */
export interface StatusSync {
  applyReport(tx: Queryable, row: MirrorRow, report: StatusReport): Promise<ApplyOutcome>;
  applySnapshot(tx: Queryable, row: MirrorRow, dossier: OneStopDossier, source: EventSource, now: Date): Promise<SnapshotResult>;
}

export function createStatusSync({ outbox }: StatusSyncDependencies): StatusSync {
  return {
    applyReport: (tx, row, report) => applyStatusReport(outbox, tx, row, report),
    applySnapshot: (tx, row, dossier, source, now) => applyDossierSnapshot(outbox, tx, row, dossier, source, now),
  };
}

// Reads of a citizen's applications: the list, and one application with its documents, timeline and what its
// current status asks of the citizen (services/status-sync.ts keeps the status mirror these read).
import type { Queryable } from '../db/db';
import { type ApplicationStatusView, applicationStatus, type ForwardingState } from '@lao-cai-so/domain/application-status';
import type { ProcedureDocument } from '@lao-cai-so/domain/catalog-schema';
import {
  canRate,
  canWithdraw,
  DOSSIER_STATUS_NAMES,
  type DossierStatus,
  isOverdue,
  needsCitizenAction,
  workingDaysLeft,
} from '@lao-cai-so/domain/dossier-status';
import type { WorkingCalendar } from '@lao-cai-so/domain/working-days';
import type { StatusDetails } from '@lao-cai-so/domain/status-change';

export interface ApplicationSummary extends ApplicationStatusView {
  id: string;
  reference: string;
  procedure: { code: string; name: string };
  office: { code: string; name: string };
  /** MaHoSo, the official receipt code; null until the one-stop system accepts the dossier. */
  receiptCode: string | null;
  /** NgayHenTra; null until accepted. */
  dueAt: string | null;
  createdAt: string;
  forwardedAt: string | null;
  /** The due date has passed while the office still holds the dossier undecided (domain/dossier-status.ts). */
  overdue: boolean;
  /** The citizen must act: supply documents (5), pay (6), collect the result (9). */
  needsAction: boolean;
}

export interface ApplicationDocument {
  documentCode: string;
  documentName: string;
  fileName: string;
  size: number;
  contentType: string;
}

export interface TimelineEntry {
  at: string;
  statusCode: number;
  statusName: string;
  unit: string | null;
  officer: string | null;
  note: string | null;
}

export interface SupplementView {
  id: string;
  /** pending: being sent to the one-stop system; forwarded: it has them; failed: it refused them. */
  state: 'pending' | 'forwarded' | 'failed';
  note: string | null;
  documents: Array<{ documentName: string; fileName: string; size: number; contentType: string }>;
  createdAt: string;
  forwardedAt: string | null;
}

export interface RatingView {
  stars: number;
  comment: string | null;
  createdAt: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  documents: ApplicationDocument[];
  /** Applied status events, oldest first. */
  timeline: TimelineEntry[];
  /** Working days until the due date while the office's time limit runs; null otherwise. */
  workingDaysLeft: number | null;
  /** Status 5: what is missing. */
  supplement: (NonNullable<StatusDetails['supplement']>) | null;
  /** Status 6: what to pay and how. */
  fee: { amount: number; description: string | null; paymentMethod: string | null } | null;
  /** Status 9 and 10: where and how to collect the result. */
  result: NonNullable<StatusDetails['result']> | null;
  /** Status 3, 8 (and 7 when the citizen gave one): why it ended. */
  reason: string | null;
  /** While the office's time limit runs: the newest delay with an apology (Mẫu 04). */
  delay: NonNullable<StatusDetails['delay']> | null;
  canWithdraw: boolean;
  canRate: boolean;
  rating: RatingView | null;
  /** Documents the citizen supplied after a request (status 5), oldest first. */
  supplements: SupplementView[];
}

export interface ReadContext {
  now: Date;
  calendar: WorkingCalendar;
}

interface SummaryRow {
  id: string;
  citizen_id: string;
  reference: string;
  procedure_code: string;
  procedure_name: string;
  office_code: string;
  office_name: string;
  forwarding_state: ForwardingState;
  status: number | null;
  receipt_code: string | null;
  due_at: Date | null;
  created_at: Date;
  forwarded_at: Date | null;
  status_details: Partial<StatusDetails>;
}

const SUMMARY_SELECT = `select a.id, a.citizen_id, a.reference, a.procedure_code, p.name as procedure_name, a.office_code,
    o.name as office_name, a.forwarding_state, a.status, a.receipt_code, a.due_at, a.created_at, a.forwarded_at,
    a.status_details
  from applications a
  join procedures p on p.code = a.procedure_code
  join offices o on o.code = a.office_code`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The summary without what the clock decides (overdue). */
function storedSummary(row: SummaryRow): Omit<ApplicationSummary, 'overdue'> {
  const code = row.status as DossierStatus | null;
  return {
    id: row.id,
    reference: row.reference,
    procedure: { code: row.procedure_code, name: row.procedure_name },
    office: { code: row.office_code, name: row.office_name },
    ...applicationStatus(row.forwarding_state, row.status),
    receiptCode: row.receipt_code,
    dueAt: iso(row.due_at),
    createdAt: iso(row.created_at) as string,
    forwardedAt: iso(row.forwarded_at),
    needsAction: code !== null && needsCitizenAction(code),
  };
}

function toSummary(row: SummaryRow, now: Date): ApplicationSummary {
  const code = row.status as DossierStatus | null;
  return {
    ...storedSummary(row),
    overdue: code !== null && isOverdue(now, row.due_at === null ? null : new Date(row.due_at), code),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** The caller's applications: those waiting on the citizen (5, 6, 9) first, then newest first. */
export async function listApplications(db: Queryable, citizenId: string, now = new Date(), limit = 100): Promise<ApplicationSummary[]> {
  const { rows } = await db.query<SummaryRow>(
    `${SUMMARY_SELECT} where a.citizen_id = $1
     order by coalesce(a.status in (5, 6, 9), false) desc, a.created_at desc, a.id
     limit $2`,
    [citizenId, limit],
  );
  return rows.map((row) => toSummary(row, now));
}

async function findSummaryRow(db: Queryable, citizenId: string, id: string): Promise<SummaryRow | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<SummaryRow>(`${SUMMARY_SELECT} where a.id = $1 and a.citizen_id = $2`, [id, citizenId]);
  return rows[0] ?? null;
}

/** One application of the caller; null when it does not exist or is someone else's (the same answer). */
export async function findApplicationSummary(
  db: Queryable,
  citizenId: string,
  id: string,
  now = new Date(),
): Promise<ApplicationSummary | null> {
  const row = await findSummaryRow(db, citizenId, id);
  return row ? toSummary(row, now) : null;
}

/**
 * Every step the one-stop system reported, oldest first: those that moved the mirror and those that arrived after a
 * newer one (a webhook can overtake the answer to our push); never a step the status model rejected. The one-stop
 * system times steps to the second, so its acceptance and the submission our push reported can share one: then the
 * submission (1) comes first.
 */
async function timelineOf(db: Queryable, applicationId: string): Promise<TimelineEntry[]> {
  const { rows } = await db.query<{ occurred_at: Date; status: number; unit: string | null; officer: string | null; note: string | null }>(
    `select occurred_at, status, unit, officer, note from application_events
     where application_id = $1 and (applied or outcome = 'stale')
     order by occurred_at, status <> 1, id`,
    [applicationId],
  );
  return rows.map((row) => ({
    at: iso(row.occurred_at) as string,
    statusCode: row.status,
    statusName: DOSSIER_STATUS_NAMES[row.status as DossierStatus],
    unit: row.unit,
    officer: row.officer,
    note: row.note,
  }));
}

async function ratingOf(db: Queryable, applicationId: string): Promise<RatingView | null> {
  const { rows } = await db.query<{ stars: number; comment: string | null; created_at: Date }>(
    'select stars, comment, created_at from ratings where application_id = $1',
    [applicationId],
  );
  return rows[0] ? { stars: rows[0].stars, comment: rows[0].comment, createdAt: iso(rows[0].created_at) as string } : null;
}

export async function supplementsOf(db: Queryable, applicationId: string, supplementId?: string): Promise<SupplementView[]> {
  const { rows } = await db.query<{
    id: string;
    state: SupplementView['state'];
    note: string | null;
    created_at: Date;
    forwarded_at: Date | null;
    document_name: string | null;
    original_name: string | null;
    size: number | null;
    content_type: string | null;
  }>(
    `select s.id, s.state, s.note, s.created_at, s.forwarded_at, sa.document_name, u.original_name, u.size, u.content_type
     from supplements s
     left join supplement_attachments sa on sa.supplement_id = s.id
     left join uploads u on u.id = sa.upload_id
     where s.application_id = $1 and ($2::uuid is null or s.id = $2::uuid)
     order by s.created_at, s.id, sa.position`,
    [applicationId, supplementId ?? null],
  );
  const byId = new Map<string, SupplementView>();
  for (const row of rows) {
    let view = byId.get(row.id);
    if (!view) {
      view = { id: row.id, state: row.state, note: row.note, documents: [], createdAt: iso(row.created_at) as string, forwardedAt: iso(row.forwarded_at) };
      byId.set(row.id, view);
    }
    if (row.document_name !== null) {
      view.documents.push({
        documentName: row.document_name,
        fileName: row.original_name as string,
        size: row.size as number,
        contentType: row.content_type as string,
      });
    }
  }
  return [...byId.values()];
}

/** While the office's time limit runs (1, 2, 4) a delay matters; after that the due date speaks for itself. */
const DELAY_STATUSES: ReadonlySet<number> = new Set([1, 2, 4]);

/**
 * An application's status read as stored, whoever asks and whenever: everything of `ApplicationDetail` except what
 * the clock decides (`overdue`, `workingDaysLeft`), which `clockFields` decides per request. This is what the
 * API keeps in memory (services/read-cache.ts).
 */
export interface ApplicationRecord {
  citizenId: string;
  status: DossierStatus | null;
  dueAt: Date | null;
  view: Omit<ApplicationDetail, 'overdue' | 'workingDaysLeft'>;
}

/** One application by id, of any citizen (the caller checks the owner); null when there is none. */
export async function loadApplicationRecord(db: Queryable, id: string): Promise<ApplicationRecord | null> {
  if (!isUuid(id)) return null;
  const found = await db.query<SummaryRow>(`${SUMMARY_SELECT} where a.id = $1`, [id]);
  const row = found.rows[0];
  if (!row) return null;
  const { rows } = await db.query<{
    document_code: string;
    original_name: string;
    size: number;
    content_type: string;
    documents: ProcedureDocument[];
  }>(
    `select t.document_code, u.original_name, u.size, u.content_type, p.documents
     from application_attachments t
     join uploads u on u.id = t.upload_id
     join applications a on a.id = t.application_id
     join procedures p on p.code = a.procedure_code
     where t.application_id = $1
     order by t.position`,
    [id],
  );
  const code = row.status as DossierStatus | null;
  const details = row.status_details ?? {};
  return {
    citizenId: row.citizen_id,
    status: code,
    dueAt: row.due_at === null ? null : new Date(row.due_at),
    view: {
      ...storedSummary(row),
      timeline: await timelineOf(db, id),
      supplement: code === 5 ? (details.supplement ?? null) : null,
      fee:
        code === 6 && details.fee
          ? { amount: details.fee.amount, description: details.fee.description, paymentMethod: details.fee.paymentMethod }
          : null,
      result: code === 9 || code === 10 ? (details.result ?? null) : null,
      reason: code === 3 || code === 7 || code === 8 ? (details.reason ?? null) : null,
      delay: code !== null && DELAY_STATUSES.has(code) ? (details.delay ?? null) : null,
      canWithdraw: code !== null && canWithdraw(code),
      canRate: code !== null && canRate(code),
      rating: await ratingOf(db, id),
      supplements: await supplementsOf(db, id),
      documents: rows.map((row) => ({
        documentCode: row.document_code,
        documentName: row.documents.find((document) => document.code === row.document_code)?.name ?? row.document_code,
        fileName: row.original_name,
        size: row.size,
        contentType: row.content_type,
      })),
    },
  };
}

/** What the clock decides at `context.now`: overdue, and the working days left. */
export function clockFields(record: ApplicationRecord, context: ReadContext): Pick<ApplicationDetail, 'overdue' | 'workingDaysLeft'> {
  const { status, dueAt } = record;
  return {
    overdue: status !== null && isOverdue(context.now, dueAt, status),
    workingDaysLeft: status === null ? null : workingDaysLeft(context.calendar, context.now, dueAt, status),
  };
}

/** The status read at `context.now`: the stored record and what the clock decides. */
export function applicationDetailAt(record: ApplicationRecord, context: ReadContext): ApplicationDetail {
  return { ...record.view, ...clockFields(record, context) };
}

export async function findApplicationDetail(
  db: Queryable,
  citizenId: string,
  id: string,
  context: ReadContext,
): Promise<ApplicationDetail | null> {
  const record = await loadApplicationRecord(db, id);
  if (!record || record.citizenId !== citizenId) return null;
  return applicationDetailAt(record, context);
}

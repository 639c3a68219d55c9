// Reads of a citizen's applications, and the records the forwarding worker writes.
import type { Queryable } from '../db/db';
import { type ApplicationStatusView, applicationStatus, type ForwardingState } from '../domain/application-status';
import type { ProcedureDocument } from '../domain/catalog-schema';

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
}

export interface ApplicationDocument {
  documentCode: string;
  documentName: string;
  fileName: string;
  size: number;
  contentType: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  documents: ApplicationDocument[];
}

interface SummaryRow {
  id: string;
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
}

const SUMMARY_SELECT = `select a.id, a.reference, a.procedure_code, p.name as procedure_name, a.office_code,
    o.name as office_name, a.forwarding_state, a.status, a.receipt_code, a.due_at, a.created_at, a.forwarded_at
  from applications a
  join procedures p on p.code = a.procedure_code
  join offices o on o.code = a.office_code`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toSummary(row: SummaryRow): ApplicationSummary {
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
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** The caller's applications, newest first. */
export async function listApplications(db: Queryable, citizenId: string, limit = 100): Promise<ApplicationSummary[]> {
  const { rows } = await db.query<SummaryRow>(
    `${SUMMARY_SELECT} where a.citizen_id = $1 order by a.created_at desc, a.id limit $2`,
    [citizenId, limit],
  );
  return rows.map(toSummary);
}

/** One application of the caller; null when it does not exist or is someone else's (the same answer). */
export async function findApplicationSummary(db: Queryable, citizenId: string, id: string): Promise<ApplicationSummary | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<SummaryRow>(`${SUMMARY_SELECT} where a.id = $1 and a.citizen_id = $2`, [id, citizenId]);
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function findApplicationDetail(db: Queryable, citizenId: string, id: string): Promise<ApplicationDetail | null> {
  const summary = await findApplicationSummary(db, citizenId, id);
  if (!summary) return null;
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
  return {
    ...summary,
    documents: rows.map((row) => ({
      documentCode: row.document_code,
      documentName: row.documents.find((document) => document.code === row.document_code)?.name ?? row.document_code,
      fileName: row.original_name,
      size: row.size,
      contentType: row.content_type,
    })),
  };
}

// The public look-up: a dossier's status by its receipt code (MaHoSo) and the last four digits of the applicant's
// phone as submitted with the application. Answers only what the receipt slip itself says; a wrong code and a wrong
// phone are the same "not found", so the answer never tells which one was right.
import { timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/db';
import { DOSSIER_STATUS_NAMES, type DossierStatus, isOverdue } from '@lao-cai-so/domain/dossier-status';

export interface PublicDossierStatus {
  receiptCode: string;
  procedureName: string;
  statusCode: number;
  statusName: string;
  dueAt: string | null;
  overdue: boolean;
}

const lastFour = (phone: string) => phone.replace(/\D/g, '').slice(-4);

function sameDigits(a: string, b: string): boolean {
  const left = Buffer.from(a.padStart(4, '#'));
  const right = Buffer.from(b.padStart(4, '#'));
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function lookUpDossier(
  db: Queryable,
  receiptCode: string,
  phoneLast4: string,
  now: Date,
): Promise<PublicDossierStatus | null> {
  const { rows } = await db.query<{
    receipt_code: string;
    procedure_name: string;
    status: DossierStatus;
    due_at: Date | null;
    phone: string | null;
  }>(
    `select a.receipt_code, p.name as procedure_name, a.status, a.due_at, a.fields->>'applicant_phone' as phone
     from applications a join procedures p on p.code = a.procedure_code
     where a.receipt_code = $1 and a.status is not null`,
    [receiptCode],
  );
  // Every candidate is compared, so the time taken does not depend on where a match is.
  let found: (typeof rows)[number] | undefined;
  for (const row of rows) {
    if (sameDigits(lastFour(row.phone ?? ''), phoneLast4) && !found) found = row;
  }
  if (!found) return null;
  const dueAt = found.due_at === null ? null : new Date(found.due_at);
  return {
    receiptCode: found.receipt_code,
    procedureName: found.procedure_name,
    statusCode: found.status,
    statusName: DOSSIER_STATUS_NAMES[found.status],
    dueAt: dueAt === null ? null : dueAt.toISOString(),
    overdue: isOverdue(now, dueAt, found.status),
  };
}

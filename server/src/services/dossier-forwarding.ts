// What the forwarding jobs (jobs/forward-application.ts, jobs/forward-supplement.ts) read and write: the application
// or supplement to push, its documents, and the one-stop system's answer applied through the status mirror.
import type { DossierDocument } from '../clients/one-stop-client';
import type { OneStopDossier } from '../clients/one-stop-wire';
import type { Db } from '../db/db';
import { lockMirror, type StatusSync } from './status-sync';

export interface ForwardingDependencies {
  db: Db;
  statusSync: StatusSync;
}

export interface ApplicationToForward {
  id: string;
  procedure_code: string;
  procedure_name: string;
  office_code: string;
  fields: Record<string, unknown>;
  forwarding_state: string;
}

export async function findApplicationToForward({ db }: ForwardingDependencies, applicationId: string): Promise<ApplicationToForward | null> {
  const { rows } = await db.query<ApplicationToForward>(
    `select a.id, a.procedure_code, p.name as procedure_name, a.office_code, a.fields, a.forwarding_state
     from applications a join procedures p on p.code = a.procedure_code
     where a.id = $1`,
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function loadApplicationDocuments({ db }: ForwardingDependencies, applicationId: string): Promise<DossierDocument[]> {
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

/**
 * The one-stop system has the application: its dossier's steps become the first events of the history, through the
 * same status mirror as webhooks (whose "accept" may have arrived first: then this only fills what is missing).
 */
export async function recordApplicationForwarded(
  { db, statusSync }: ForwardingDependencies,
  applicationId: string,
  dossier: OneStopDossier,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockMirror(tx, applicationId);
    if (!row) return;
    if (row.forwarding_state === 'pending') {
      await tx.query(
        `update applications set forwarding_state = 'forwarded', forwarded_at = now(), one_stop_id = $2,
           receipt_code = $3, due_at = $4
         where id = $1`,
        [applicationId, dossier.id, dossier.receiptCode, dossier.dueAt],
      );
      row.forwarding_state = 'forwarded';
      row.one_stop_id = dossier.id;
    }
    await statusSync.applySnapshot(tx, row, dossier, 'poll', now);
  });
}

export async function markApplicationFailed({ db }: ForwardingDependencies, applicationId: string, code: string): Promise<void> {
  await db.query(
    `update applications set forwarding_state = 'failed', forwarding_error = $2
     where id = $1 and forwarding_state = 'pending'`,
    [applicationId, code],
  );
}

export interface SupplementToForward {
  state: string;
  note: string | null;
  application_id: string;
  one_stop_id: string | null;
}

export async function findSupplementToForward({ db }: ForwardingDependencies, supplementId: string): Promise<SupplementToForward | null> {
  const { rows } = await db.query<SupplementToForward>(
    `select s.state, s.note, s.application_id, a.one_stop_id
     from supplements s join applications a on a.id = s.application_id
     where s.id = $1`,
    [supplementId],
  );
  return rows[0] ?? null;
}

export async function loadSupplementDocuments({ db }: ForwardingDependencies, supplementId: string): Promise<DossierDocument[]> {
  const files = await db.query<{ document_name: string; original_name: string; content_type: string; bytes: Uint8Array }>(
    `select sa.document_name, u.original_name, u.content_type, u.bytes
     from supplement_attachments sa join uploads u on u.id = sa.upload_id
     where sa.supplement_id = $1 order by sa.position`,
    [supplementId],
  );
  return files.rows.map((file) => ({
    documentCode: file.document_name,
    fileName: file.original_name,
    contentType: file.content_type,
    bytes: file.bytes,
  }));
}

/** The one-stop system has the supplement: it is forwarded, and its answer (status 4, a new due date) applied. */
export async function applySupplementAnswer(
  { db, statusSync }: ForwardingDependencies,
  supplementId: string,
  applicationId: string,
  dossier: OneStopDossier,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`update supplements set state = 'forwarded', forwarded_at = now() where id = $1 and state = 'pending'`, [
      supplementId,
    ]);
    const row = await lockMirror(tx, applicationId);
    if (row) await statusSync.applySnapshot(tx, row, dossier, 'citizen', now);
  });
}

export async function markSupplementFailed({ db }: ForwardingDependencies, supplementId: string, code: string): Promise<void> {
  await db.query(`update supplements set state = 'failed', forwarding_error = $2 where id = $1 and state = 'pending'`, [
    supplementId,
    code,
  ]);
}

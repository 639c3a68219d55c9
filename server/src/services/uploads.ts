// Files a citizen uploaded for an application: stored in the database, owned by the citizen, and attached to at
// most one application.
import type { Queryable } from '../db/db';
import type { AllowedContentType } from '@lao-cai-so/domain/file-type';

export interface NewUpload {
  citizenId: string;
  contentType: AllowedContentType;
  sha256: string;
  bytes: Buffer;
  originalName: string;
}

export interface UploadSummary {
  id: string;
  size: number;
  contentType: AllowedContentType;
}

export async function insertUpload(db: Queryable, upload: NewUpload): Promise<UploadSummary> {
  const { rows } = await db.query<{ id: string; size: number; content_type: AllowedContentType }>(
    `insert into uploads (citizen_id, content_type, size, sha256, bytes, original_name)
     values ($1, $2, $3, $4, $5, $6)
     returning id, size, content_type`,
    [upload.citizenId, upload.contentType, upload.bytes.length, upload.sha256, upload.bytes, upload.originalName],
  );
  return { id: rows[0].id, size: rows[0].size, contentType: rows[0].content_type };
}

export interface ClaimableUpload {
  id: string;
  size: number;
  /** Already used by an application. */
  attached: boolean;
}

/** The caller's uploads among `ids` (someone else's, or unknown ids, are simply absent). */
export async function findOwnUploads(db: Queryable, citizenId: string, ids: readonly string[]): Promise<ClaimableUpload[]> {
  const { rows } = await db.query<{ id: string; size: number; attached: boolean }>(
    `select id, size, application_id is not null as attached
     from uploads where citizen_id = $1 and id = any ($2::uuid[])`,
    [citizenId, ids],
  );
  return rows;
}

/**
 * Attaches the caller's free uploads to an application in one statement and returns the ids it attached: an
 * upload attached meanwhile by a concurrent submission is not among them, so the caller can roll back.
 */
export async function claimUploads(
  db: Queryable,
  citizenId: string,
  applicationId: string,
  ids: readonly string[],
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `update uploads set application_id = $3
     where citizen_id = $1 and id = any ($2::uuid[]) and application_id is null
     returning id`,
    [citizenId, ids, applicationId],
  );
  return rows.map((row) => row.id);
}

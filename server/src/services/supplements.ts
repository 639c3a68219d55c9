// A citizen's supplement: the documents an officer asked for (status 5), uploaded (POST /uploads) and sent here with
// an Idempotency-Key. Stored, and its forwarding job enqueued, in ONE transaction (jobs/forward-supplement.ts sends
// it to the one-stop system); the same key with the same body answers with the same supplement, never a second one.
import type { Config } from '../config';
import type { Db, Queryable } from '../db/db';
import { DOSSIER_STATUS } from '@lao-cai-so/domain/dossier-status';
import { requestHash } from './request-hash';
import { AppError, FieldErrors } from '../errors';
import type { JobQueue } from '../queue/job-queue';
import { isUuid, type SupplementView, supplementsOf } from './applications';
import { findOwnApplication } from './application-follow-up';
import { intakeErrors } from './application-intake';
import type { StatusDetails } from '@lao-cai-so/domain/status-change';
import { claimUploads, findOwnUploads } from './uploads';

export interface SupplementBody {
  attachments: Array<{ documentName: string; uploadId: string }>;
  note?: string;
}

export interface SupplementDependencies {
  db: Db;
  jobs: JobQueue;
  config: Pick<Config, 'uploads'>;
}

export interface SupplementResult {
  /** false for a repeat of the Idempotency-Key with the same body. */
  created: boolean;
  supplement: SupplementView;
}

const VALIDATION_MESSAGE = 'Có giấy tờ chưa gửi được. Hãy tải lại những tệp được đánh dấu rồi gửi lại.';
const UPLOAD_MISSING = 'Không tìm thấy tệp đã tải lên. Hãy tải tệp lên lại.';
const UPLOAD_USED = 'Tệp này đã được dùng cho hồ sơ khác hoặc lần gửi khác. Hãy tải tệp lên lại.';

export const supplementErrors = {
  notRequested: () =>
    new AppError(
      409,
      'SUPPLEMENT_NOT_REQUESTED',
      'Cơ quan hiện không yêu cầu bổ sung giấy tờ cho hồ sơ này. Hãy tải lại trang để xem trạng thái mới nhất.',
    ),
  alreadySent: () =>
    new AppError(
      409,
      'SUPPLEMENT_ALREADY_SENT',
      'Bạn đã gửi giấy tờ bổ sung cho yêu cầu này. Hãy chờ cơ quan xem xét.',
    ),
};

async function replay(db: Queryable, applicationId: string, key: string, hash: string): Promise<SupplementResult | null> {
  const { rows } = await db.query<{ id: string; request_hash: string }>(
    'select id, request_hash from supplements where application_id = $1 and idempotency_key = $2',
    [applicationId, key],
  );
  if (rows.length === 0) return null;
  if (rows[0].request_hash !== hash) throw intakeErrors.keyReused();
  const [supplement] = await supplementsOf(db, applicationId, rows[0].id);
  return { created: false, supplement };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } = error as { code?: string; constraint?: string };
  return code === '23505' && name === constraint;
}

/** null when the application is not the caller's. */
export async function submitSupplement(
  deps: SupplementDependencies,
  citizenId: string,
  applicationId: string,
  idempotencyKey: string,
  body: SupplementBody,
): Promise<SupplementResult | null> {
  const { db, jobs, config } = deps;
  const application = await findOwnApplication(db, citizenId, applicationId);
  if (!application) return null;
  const hash = requestHash(body);
  const earlier = await replay(db, application.id, idempotencyKey, hash);
  if (earlier) return earlier;

  if (application.status !== DOSSIER_STATUS.SUPPLEMENT_REQUIRED) throw supplementErrors.notRequested();
  const { rows } = await db.query<{ status_details: Partial<StatusDetails> }>('select status_details from applications where id = $1', [
    application.id,
  ]);
  const requestId = rows[0]?.status_details?.supplement?.requestId ?? 'unspecified';

  if (body.attachments.length > config.uploads.maxFiles) throw intakeErrors.tooManyFiles(config.uploads.maxFiles);
  const ids = body.attachments.map((attachment) => attachment.uploadId);
  const owned = new Map((await findOwnUploads(db, citizenId, ids.filter(isUuid))).map((upload) => [upload.id, upload]));
  const errors: Record<string, string> = {};
  for (const { documentName, uploadId } of body.attachments) {
    const upload = owned.get(uploadId);
    if (!upload) errors[documentName] ??= UPLOAD_MISSING;
    else if (upload.attached) errors[documentName] ??= UPLOAD_USED;
  }
  if (new Set(ids).size !== ids.length) errors.attachments = UPLOAD_USED;
  if (Object.keys(errors).length > 0) {
    const concurrent = await replay(db, application.id, idempotencyKey, hash);
    if (concurrent) return concurrent;
    throw new FieldErrors(VALIDATION_MESSAGE, errors);
  }
  const totalBytes = [...owned.values()].reduce((sum, upload) => sum + upload.size, 0);
  if (totalBytes > config.uploads.maxApplicationBytes) throw intakeErrors.tooLarge(config.uploads.maxApplicationBytes);

  try {
    return await db.transaction(async (tx): Promise<SupplementResult> => {
      const inserted = await tx.query<{ id: string }>(
        `insert into supplements (application_id, request_id, note, idempotency_key, request_hash)
         values ($1, $2, $3, $4, $5)
         on conflict (application_id, idempotency_key) do nothing
         returning id`,
        [application.id, requestId, body.note?.trim() || null, idempotencyKey, hash],
      );
      if (inserted.rows.length === 0) {
        const first = await replay(tx, application.id, idempotencyKey, hash);
        if (!first) throw new Error('the conflicting supplement is not visible');
        return first;
      }
      const supplementId = inserted.rows[0].id;
      const claimed = new Set(await claimUploads(tx, citizenId, application.id, ids));
      const lost = body.attachments.filter((attachment) => !claimed.has(attachment.uploadId));
      if (lost.length > 0) throw new FieldErrors(VALIDATION_MESSAGE, Object.fromEntries(lost.map((a) => [a.documentName, UPLOAD_USED])));
      for (const [position, attachment] of body.attachments.entries()) {
        await tx.query(
          `insert into supplement_attachments (supplement_id, document_name, upload_id, position) values ($1, $2, $3, $4)`,
          [supplementId, attachment.documentName, attachment.uploadId, position],
        );
      }
      await jobs.sendForwardSupplement(tx, { supplementId });
      const [supplement] = await supplementsOf(tx, application.id, supplementId);
      return { created: true, supplement };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'supplements_one_per_request')) {
      // A concurrent repeat of this very request won; otherwise another key answered this request first.
      const concurrent = await replay(db, application.id, idempotencyKey, hash);
      if (concurrent) return concurrent;
      throw supplementErrors.alreadySent();
    }
    throw error;
  }
}

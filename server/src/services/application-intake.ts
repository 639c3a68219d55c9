// Accepting an application: validated against the procedure's definitions (the same rules as the mini app,
// domain/application-form.ts), then the application, its attachments and its forwarding job committed in ONE
// transaction. The Idempotency-Key makes a retried submission return the first application, even when the
// retries race each other: the unique (citizen, key) constraint decides, never a check-then-insert.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config';
import type { Db, Queryable } from '../db/db';
import { applicationFields, todayInVietnam, validateAttachments, validateFields } from '@lao-cai-so/domain/application-form';
import { generateReference } from '@lao-cai-so/domain/reference';
import { requestHash } from './request-hash';
import { AppError, FieldErrors } from '../errors';
import type { JobQueue } from '../queue/job-queue';
import { type ApplicationSummary, findApplicationSummary, isUuid } from './applications';
import { findOffice } from './office-directory';
import { findProcedure } from './procedure-catalog';
import { claimUploads, findOwnUploads } from './uploads';

export interface IntakeBody {
  procedureCode: string;
  officeCode: string;
  fields: unknown;
  attachments: unknown;
}

export interface IntakeDependencies {
  db: Db;
  jobs: JobQueue;
  config: Pick<Config, 'uploads'>;
  now?: () => Date;
  random?: (size: number) => Uint8Array;
}

export interface IntakeResult {
  /** false when the Idempotency-Key was seen before with the same body: this is the first application. */
  created: boolean;
  application: ApplicationSummary;
}

const VALIDATION_MESSAGE = 'Có thông tin chưa đúng. Hãy sửa những mục được đánh dấu rồi nộp lại.';
const MEGABYTE = 1024 * 1024;

export const intakeErrors = {
  keyReused: () =>
    new AppError(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'Mã gửi hồ sơ này đã được dùng cho một hồ sơ khác. Hãy tải lại trang rồi nộp lại.',
    ),
  procedureNotFound: () =>
    new AppError(422, 'PROCEDURE_NOT_FOUND', 'Không tìm thấy thủ tục này. Hãy tìm lại theo tên thủ tục.'),
  procedureNotAvailable: () =>
    new AppError(422, 'PROCEDURE_NOT_AVAILABLE', 'Thủ tục này hiện không nhận hồ sơ trực tuyến. Hãy liên hệ Bộ phận một cửa.'),
  officeNotFound: () =>
    new AppError(422, 'OFFICE_NOT_FOUND', 'Không tìm thấy cơ quan này. Hãy chọn lại xã, phường trong danh sách.'),
  officeDoesNotHandle: () =>
    new AppError(
      422,
      'OFFICE_DOES_NOT_HANDLE_PROCEDURE',
      'Cơ quan đã chọn không giải quyết thủ tục này. Hãy chọn cơ quan khác trong danh sách.',
    ),
  tooManyFiles: (max: number) =>
    new AppError(422, 'TOO_MANY_FILES', `Mỗi hồ sơ đính kèm tối đa ${max} tệp. Hãy bỏ bớt tệp rồi nộp lại.`),
  tooLarge: (max: number) =>
    new AppError(
      422,
      'APPLICATION_TOO_LARGE',
      `Tổng dung lượng các tệp đính kèm vượt quá ${Math.floor(max / MEGABYTE)} MB. Hãy chụp lại ảnh nhỏ hơn hoặc bỏ bớt tệp.`,
    ),
};

const UPLOAD_MISSING = 'Không tìm thấy tệp đã tải lên. Hãy tải tệp lên lại.';
const UPLOAD_USED = 'Tệp này đã được dùng cho một hồ sơ khác. Hãy tải tệp lên lại.';

/** The key and hash of a request; the first application with the same key, if any, decides the answer. */
async function replay(db: Queryable, citizenId: string, key: string, hash: string): Promise<IntakeResult | null> {
  const { rows } = await db.query<{ id: string; request_hash: string }>(
    'select id, request_hash from applications where citizen_id = $1 and idempotency_key = $2',
    [citizenId, key],
  );
  if (rows.length === 0) return null;
  if (rows[0].request_hash !== hash) throw intakeErrors.keyReused();
  const application = await findApplicationSummary(db, citizenId, rows[0].id);
  if (!application) throw new Error('an application vanished while its submission was replayed');
  return { created: false, application };
}

async function communeCodes(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ code: string }>(`select code from offices where type in ('xa', 'phuong')`);
  return new Set(rows.map((row) => row.code));
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } = error as { code?: string; constraint?: string };
  return code === '23505' && name === constraint;
}

export async function submitApplication(
  deps: IntakeDependencies,
  citizenId: string,
  idempotencyKey: string,
  body: IntakeBody,
): Promise<IntakeResult> {
  const { db, jobs, config } = deps;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? randomBytes;
  const hash = requestHash(body);

  // A retry of a submission that already succeeded: its uploads are attached by now, so it must be recognised
  // before they are checked.
  const earlier = await replay(db, citizenId, idempotencyKey, hash);
  if (earlier) return earlier;

  const procedure = await findProcedure(db, body.procedureCode);
  if (!procedure) throw intakeErrors.procedureNotFound();
  if (!procedure.active) throw intakeErrors.procedureNotAvailable();
  const office = await findOffice(db, body.officeCode);
  if (!office || !office.active) throw intakeErrors.officeNotFound();
  const handles = await db.query('select 1 from office_procedures where office_code = $1 and procedure_code = $2', [
    office.code,
    procedure.code,
  ]);
  if (handles.rows.length === 0) throw intakeErrors.officeDoesNotHandle();

  const fields = validateFields(applicationFields(procedure.fields), body.fields, {
    today: todayInVietnam(now()),
    communeCodes: await communeCodes(db),
  });
  const attachments = validateAttachments(procedure.documents, body.attachments);
  const errors = { ...(fields.ok ? {} : fields.errors), ...(attachments.ok ? {} : attachments.errors) };
  if (!fields.ok || !attachments.ok) throw new FieldErrors(VALIDATION_MESSAGE, errors);

  if (attachments.value.length > config.uploads.maxFiles) throw intakeErrors.tooManyFiles(config.uploads.maxFiles);
  const ids = attachments.value.map((attachment) => attachment.uploadId);
  const owned = new Map((await findOwnUploads(db, citizenId, ids.filter(isUuid))).map((upload) => [upload.id, upload]));
  const uploadErrors: Record<string, string> = {};
  for (const { documentCode, uploadId } of attachments.value) {
    const upload = owned.get(uploadId);
    // Someone else's upload is "not found": its existence is not disclosed.
    if (!upload) uploadErrors[documentCode] ??= UPLOAD_MISSING;
    else if (upload.attached) uploadErrors[documentCode] ??= UPLOAD_USED;
  }
  if (Object.keys(uploadErrors).length > 0) {
    // A concurrent retry of this very submission may have attached the uploads since the first look.
    const concurrent = await replay(db, citizenId, idempotencyKey, hash);
    if (concurrent) return concurrent;
    throw new FieldErrors(VALIDATION_MESSAGE, uploadErrors);
  }
  const totalBytes = [...owned.values()].reduce((sum, upload) => sum + upload.size, 0);
  if (totalBytes > config.uploads.maxApplicationBytes) throw intakeErrors.tooLarge(config.uploads.maxApplicationBytes);

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const inserted = await tx.query<{ id: string }>(
          `insert into applications (reference, citizen_id, procedure_code, office_code, fields, idempotency_key, request_hash)
           values ($1, $2, $3, $4, $5::jsonb, $6, $7)
           on conflict (citizen_id, idempotency_key) do nothing
           returning id`,
          [generateReference(random), citizenId, procedure.code, office.code, JSON.stringify(fields.value), idempotencyKey, hash],
        );
        // A concurrent submission with the same key committed first (the insert waited for it): answer with it.
        if (inserted.rows.length === 0) {
          const first = await replay(tx, citizenId, idempotencyKey, hash);
          if (!first) throw new Error('the conflicting application is not visible');
          return first;
        }
        const applicationId = inserted.rows[0].id;

        const claimed = new Set(await claimUploads(tx, citizenId, applicationId, ids));
        const lost = attachments.value.filter((attachment) => !claimed.has(attachment.uploadId));
        if (lost.length > 0) {
          // Attached by another submission since the check above: nothing of this one is kept.
          throw new FieldErrors(VALIDATION_MESSAGE, Object.fromEntries(lost.map((a) => [a.documentCode, UPLOAD_USED])));
        }
        for (const [position, attachment] of attachments.value.entries()) {
          await tx.query(
            `insert into application_attachments (application_id, document_code, upload_id, position)
             values ($1, $2, $3, $4)`,
            [applicationId, attachment.documentCode, attachment.uploadId, position],
          );
        }
        await jobs.sendForwardApplication(tx, { applicationId });

        const application = await findApplicationSummary(tx, citizenId, applicationId);
        return { created: true, application: application as ApplicationSummary };
      });
    } catch (error) {
      // Two references alike (one chance in ~10^12 per pair): draw another.
      if (attempt < 3 && isUniqueViolation(error, 'applications_reference_key')) continue;
      throw error;
    }
  }
}

import { z } from 'zod';
import { APPLICATION_STATES } from '../application-status';
import { officeCodeSchema, procedureCodeSchema } from './codes';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Printable ASCII without spaces: a UUID from the app, or any opaque token up to 200 characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

export const intakeBody = z.object({
  procedureCode: procedureCodeSchema,
  officeCode: officeCodeSchema,
  fields: z
    .record(z.string(), z.unknown())
    .meta({ description: 'Answers by field code: the applicant fields (applicant_*) and the procedure’s own' }),
  attachments: z
    .array(z.object({ documentCode: z.string().min(1).max(100), uploadId: z.string().min(1).max(100) }))
    .max(200)
    .meta({ description: 'Uploaded files (POST /uploads) per document code of the procedure' }),
});
export type IntakeBodyInput = z.output<typeof intakeBody>;

export const applicationParams = z.object({ id: z.string().min(1).max(100) });
export type ApplicationParams = z.output<typeof applicationParams>;

const isoDateTime = z.string().meta({ format: 'date-time' });

export const applicationSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string().meta({ description: '8 characters without look-alikes, e.g. 7KQ4M2XA' }),
  procedure: z.object({ code: z.string(), name: z.string() }),
  office: z.object({ code: z.string(), name: z.string() }),
  status: z.enum(APPLICATION_STATES).meta({
    description:
      'forwarding until the one-stop system has the dossier; forwarding-failed if it refused it; then the national ' +
      'status: submitted (1), accepted (2), refused (3), processing (4), supplement-required (5), payment-required (6), ' +
      'withdrawn (7), stopped (8), ready (9), returned (10)',
  }),
  statusCode: z.int().min(1).max(10).nullable().meta({ description: 'TrangThaiHoSo, null while forwarding' }),
  statusName: z.string().meta({ description: 'Vietnamese' }),
  receiptCode: z.string().nullable().meta({ description: 'MaHoSo, the official receipt code; null until accepted' }),
  dueAt: isoDateTime.nullable().meta({ description: 'NgayHenTra; null until accepted' }),
  createdAt: isoDateTime,
  forwardedAt: isoDateTime.nullable(),
  overdue: z.boolean().meta({ description: 'Trễ hạn: past the due date while the office still holds it undecided (1, 2, 4)' }),
  needsAction: z.boolean().meta({ description: 'The citizen must act: supply documents (5), pay (6), collect the result (9)' }),
});

const timelineEntrySchema = z.object({
  at: isoDateTime,
  statusCode: z.int().min(1).max(10),
  statusName: z.string(),
  unit: z.string().nullable().meta({ description: 'Handling unit (PhongBanXuLy)' }),
  officer: z.string().nullable().meta({ description: 'NguoiXuLy' }),
  note: z.string().nullable().meta({ description: 'The officer’s note (NoiDungXuLy)' }),
});

export const supplementViewSchema = z.object({
  id: z.uuid(),
  state: z.enum(['pending', 'forwarded', 'failed']).meta({
    description: 'pending: being sent to the one-stop system; forwarded: it has the documents; failed: it refused them',
  }),
  note: z.string().nullable(),
  documents: z.array(z.object({ documentName: z.string(), fileName: z.string(), size: z.int(), contentType: z.string() })),
  createdAt: isoDateTime,
  forwardedAt: isoDateTime.nullable(),
});

const ratingViewSchema = z.object({ stars: z.int().min(1).max(5), comment: z.string().nullable(), createdAt: isoDateTime });

export const applicationDetailSchema = applicationSummarySchema.extend({
  timeline: z.array(timelineEntrySchema).meta({ description: 'Applied status events, oldest first' }),
  workingDaysLeft: z.int().nullable().meta({
    description: 'Working days until the due date (0 on the due day, negative when late) while the office’s time runs (1, 2, 4); else null',
  }),
  supplement: z
    .object({
      requestId: z.string(),
      note: z.string().nullable(),
      documents: z.array(z.object({ name: z.string() })),
      requestedAt: isoDateTime.nullable(),
      previousDueAt: isoDateTime.nullable(),
      newDueAt: isoDateTime.nullable(),
    })
    .nullable()
    .meta({ description: 'Status 5: the documents the office asks for (Mẫu 02)' }),
  fee: z
    .object({ amount: z.number(), description: z.string().nullable(), paymentMethod: z.string().nullable() })
    .nullable()
    .meta({ description: 'Status 6: amount in đồng, what it is for, how to pay' }),
  result: z
    .object({ pickupPlace: z.string().nullable(), pickupMethod: z.string().nullable(), note: z.string().nullable() })
    .nullable()
    .meta({ description: 'Status 9 and 10: where and how to collect the result' }),
  reason: z.string().nullable().meta({ description: 'Status 3 and 8 (and 7 when the citizen gave one): why' }),
  delay: z
    .object({ apology: z.string().nullable(), previousDueAt: isoDateTime.nullable(), newDueAt: isoDateTime.nullable() })
    .nullable()
    .meta({ description: 'While the office’s time runs: the newest delay with an apology (Mẫu 04)' }),
  canWithdraw: z.boolean(),
  canRate: z.boolean(),
  rating: ratingViewSchema.nullable(),
  supplements: z.array(supplementViewSchema).meta({ description: 'Documents supplied after a request, oldest first' }),
  documents: z.array(
    z.object({
      documentCode: z.string(),
      documentName: z.string(),
      fileName: z.string(),
      size: z.int(),
      contentType: z.string(),
    }),
  ),
});

export const applicationListSchema = z.object({ items: z.array(applicationSummarySchema) });

export const supplementBody = z.object({
  attachments: z
    .array(
      z.object({
        documentName: z.string().trim().min(1).max(100).meta({ description: 'The requested document (supplement.documents[].name)' }),
        uploadId: z.string().min(1).max(100).meta({ description: 'From POST /uploads' }),
      }),
    )
    .min(1)
    .max(100),
  note: z.string().max(1000).optional().meta({ description: 'A note for the officer' }),
});
export type SupplementBodyInput = z.output<typeof supplementBody>;

export const withdrawalBody = z
  .object({ reason: z.string().max(500).optional().meta({ description: 'Why (optional), passed to the one-stop system as LyDo' }) })
  .nullable()
  .optional();
export type WithdrawalBodyInput = z.output<typeof withdrawalBody>;

export const ratingBody = z.object({
  stars: z.int().min(1).max(5),
  comment: z.string().max(1000).optional(),
});
export type RatingBodyInput = z.output<typeof ratingBody>;

export const ratingSchema = z.object({ stars: z.int(), comment: z.string().nullable(), createdAt: z.string().meta({ format: 'date-time' }) });

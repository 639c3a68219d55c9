import { z } from 'zod';
import { APPLICATION_STATES } from '../../domain/application-status';
import { officeCodeSchema, procedureCodeSchema } from '../codes';

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
});

export const applicationDetailSchema = applicationSummarySchema.extend({
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

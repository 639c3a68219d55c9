// GET /api/v1/lookup: the public lookup of a dossier by its receipt code and a second factor.
import { z } from 'zod';

export const lookupQuery = z.object({
  receiptCode: z.string().trim().min(1).max(50).meta({ description: 'MaHoSo, as on the receipt (Mẫu 01)' }),
  phoneLast4: z.string().regex(/^\d{4}$/).meta({ description: 'The last four digits of the applicant’s phone' }),
});
export type LookupQuery = z.output<typeof lookupQuery>;

export const lookupAnswerSchema = z.object({
  receiptCode: z.string(),
  procedureName: z.string(),
  statusCode: z.int().min(1).max(10),
  statusName: z.string(),
  dueAt: z.string().meta({ format: 'date-time' }).nullable(),
  overdue: z.boolean(),
});

import { z } from 'zod';
import { ONLINE_LEVELS, PROCEDURE_LEVELS, procedureShape } from '../catalog-schema';
import { pageSchema, pagingQuery } from './page';
import { officeCodeSchema, procedureCodeSchema } from './codes';

export const listProceduresQuery = z.object({
  q: z.string().max(200).optional().meta({ description: 'Search text; diacritics and case are ignored' }),
  office: officeCodeSchema.optional().meta({ description: 'Only procedures this office handles' }),
  level: z.enum(PROCEDURE_LEVELS).optional(),
  online: z.boolean().optional().meta({ description: 'true: fully online (toàn trình) only; false: the others' }),
  ...pagingQuery,
});

export const procedureParams = z.object({ code: procedureCodeSchema });

export const procedureSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  level: z.enum(PROCEDURE_LEVELS),
  agency: z.string(),
  onlineLevel: z.enum(ONLINE_LEVELS),
  processingTime: z.object({ text: z.string(), workingDays: z.int().nullable() }),
  unconfirmed: z.array(z.string()).meta({ description: 'Fields not confirmed from a primary source' }),
});

export const procedurePageSchema = pageSchema(procedureSummarySchema);

export const procedureDetailSchema = procedureShape
  .omit({ popularRank: true, offices: true })
  .extend({ active: z.boolean().meta({ description: 'false once the procedure left the catalogue' }) });

export type ListProceduresQuery = z.output<typeof listProceduresQuery>;
export type ProcedureParams = z.output<typeof procedureParams>;

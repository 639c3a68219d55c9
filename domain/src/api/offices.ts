import { z } from 'zod';
import { OFFICE_TYPES } from '../catalog-schema';
import { pageSchema, pagingQuery } from './page';
import { officeCodeSchema } from './codes';
import { procedureSummarySchema } from './procedures';

export const listOfficesQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Unit name or a former commune merged into it; diacritics and case are ignored' }),
  ...pagingQuery,
});

export const officeParams = z.object({ code: officeCodeSchema });

export const officeSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  unitName: z.string(),
  type: z.enum(OFFICE_TYPES),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  openingHours: z.string().nullable(),
  unconfirmed: z.array(z.string()).meta({ description: 'Fields not confirmed from a primary source' }),
});

export const officePageSchema = pageSchema(officeSummarySchema);

export const officeDetailSchema = officeSummarySchema.extend({
  formerUnits: z.array(z.string()).meta({ description: 'Units merged into this one on 1 July 2025' }),
  active: z.boolean(),
  procedures: z.array(procedureSummarySchema).meta({ description: 'Procedures this office handles, most used first' }),
});

export type ListOfficesQuery = z.output<typeof listOfficesQuery>;
export type OfficeParams = z.output<typeof officeParams>;

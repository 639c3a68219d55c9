// Shapes every part of the API shares: the error body and a page of a list.
import { z } from 'zod';

export const errorBodySchema = z
  .object({
    statusCode: z.int(),
    code: z.string().meta({ description: 'Stable English code for programs, e.g. PROCEDURE_NOT_FOUND' }),
    message: z.string().meta({ description: 'Vietnamese text for people' }),
  })
  .meta({ description: 'Every error response has this shape' });

export const fieldErrorsBodySchema = errorBodySchema
  .extend({
    fields: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Vietnamese message per field or document code (VALIDATION_FAILED)' }),
  })
  .meta({ description: 'An error; VALIDATION_FAILED also names each refused field' });

export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.int().min(0),
    page: z.int().min(1),
    pageSize: z.int().min(1),
  });
}

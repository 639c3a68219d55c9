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

/**
 * An integer in a query string, finite and within [min, max]. The proxy validates query strings with the JSON Schema
 * generated from this (ajv, coercing strings): ajv turns "Infinity" or "1e400" into Infinity, accepts it as an
 * integer and skips the bounds for non-finite numbers. The intersection checks the type a second time, after the
 * coercion, so that ±Infinity is refused there as not an integer ("1.5", "NaN" and out-of-range values are refused as
 * before); zod refuses them on its own.
 */
export function queryInt(min: number, max: number) {
  return z.int().min(min).max(max).and(z.int());
}

/** page (1–10,000) and pageSize (1–100) of a list, with their defaults. */
export const pagingQuery = {
  page: queryInt(1, 10000).default(1),
  pageSize: queryInt(1, 100).default(20),
};

export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.int().min(0),
    page: z.int().min(1),
    pageSize: z.int().min(1),
  });
}

// Route schemas are written once in zod: the handler's types come from z.output, and Fastify validates and
// documents with the JSON Schema generated from the same object.
import { z } from 'zod';

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-7', io });
  return jsonSchema;
}

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

/** Response schemas for the error statuses a route can answer with. */
export function errorResponses(...statusCodes: number[]): Record<number, Record<string, unknown>> {
  const body = toJsonSchema(errorBodySchema);
  return Object.fromEntries(statusCodes.map((statusCode) => [statusCode, body]));
}

export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.int().min(0),
    page: z.int().min(1),
    pageSize: z.int().min(1),
  });
}

// Route schemas are written once in zod: the handler's types come from z.output, and Fastify validates and
// documents with the JSON Schema generated from the same object.
import { z } from 'zod';
import { errorBodySchema } from '@lao-cai-so/domain/api/page';

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-7', io });
  return jsonSchema;
}

/** Response schemas for the error statuses a route can answer with. */
export function errorResponses(...statusCodes: number[]): Record<number, Record<string, unknown>> {
  const body = toJsonSchema(errorBodySchema);
  return Object.fromEntries(statusCodes.map((statusCode) => [statusCode, body]));
}

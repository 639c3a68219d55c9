import type { FastifyInstance } from 'fastify';
import { SandboxError } from '../errors';
import type { AccessTokenStore } from './access-tokens';
import type { FaultInjector, FaultSpec } from './faults';

export interface ControlRoutesOptions {
  accessTokens: AccessTokenStore;
  faults: FaultInjector;
}

const faultSchema = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: {
    mode: { type: 'string', enum: ['slow', 'http-500', 'http-error', 'error'] },
    delayMs: { type: 'integer', minimum: 0, maximum: 600000 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'integer', not: { const: 0 } },
    message: { type: 'string' },
    path: { type: 'string', pattern: '^/' },
    times: { type: 'integer', minimum: 1 },
  },
  allOf: [
    { if: { properties: { mode: { const: 'slow' } } }, then: { required: ['delayMs'] } },
    { if: { properties: { mode: { const: 'http-error' } } }, then: { required: ['status'] } },
    { if: { properties: { mode: { const: 'error' } } }, then: { required: ['error'] } },
  ],
} as const;

/** Test and demo controls of the fake Zalo platform. Registered under `/sandbox/control/zalo`. */
export async function controlRoutes(app: FastifyInstance, options: ControlRoutesOptions): Promise<void> {
  const { accessTokens, faults } = options;

  app.get('/faults', async () => ({ faults: faults.list() }));

  app.post<{ Body: FaultSpec }>('/faults', { schema: { body: faultSchema } }, async (request, reply) => {
    return reply.code(201).send(faults.add(request.body));
  });

  app.delete('/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });

  app.post<{ Body: { accessToken: string } }>(
    '/expire-token',
    {
      schema: {
        body: {
          type: 'object',
          required: ['accessToken'],
          properties: { accessToken: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request, reply) => {
      if (!accessTokens.expire(request.body.accessToken)) {
        throw new SandboxError(404, 'UNKNOWN_ACCESS_TOKEN', 'Sandbox chưa từng cấp access token này.');
      }
      return reply.code(204).send();
    },
  );
}

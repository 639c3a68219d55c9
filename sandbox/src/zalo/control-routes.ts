import type { FastifyInstance } from 'fastify';
import { SandboxError } from '../errors';
import type { AccessTokenStore } from './access-tokens';
import { FAULT_MODES, type FaultInjector, type FaultSpec } from './faults';
import { NOTIFICATION_CHANNELS } from './message-store';
import type { OaTokenStore } from './oa-tokens';

export interface ControlRoutesOptions {
  accessTokens: AccessTokenStore;
  oaTokens: OaTokenStore;
  faults: FaultInjector;
}

const faultSchema = {
  type: 'object',
  // `mode` may be left out when `error` is given: { "channel": "zbs", "error": -32, "rate": 0.2 }.
  anyOf: [{ required: ['mode'] }, { required: ['error'] }],
  // propertyNames, not additionalProperties: false, which Fastify's ajv would strip silently.
  propertyNames: {
    enum: ['mode', 'delayMs', 'status', 'error', 'message', 'path', 'channel', 'userId', 'phone', 'rate', 'seed', 'times'],
  },
  properties: {
    mode: { type: 'string', enum: FAULT_MODES },
    delayMs: { type: 'integer', minimum: 0, maximum: 600000 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'integer', not: { const: 0 } },
    message: { type: 'string' },
    path: { type: 'string', pattern: '^/' },
    channel: { type: 'string', enum: NOTIFICATION_CHANNELS },
    userId: { type: 'string', minLength: 1 },
    phone: { type: 'string', minLength: 1 },
    rate: { type: 'number', minimum: 0, maximum: 1 },
    seed: { type: 'integer' },
    times: { type: 'integer', minimum: 1 },
  },
  // `required` inside each `if`: without it an absent mode would match every condition.
  allOf: [
    { if: { required: ['mode'], properties: { mode: { const: 'slow' } } }, then: { required: ['delayMs'] } },
    { if: { required: ['mode'], properties: { mode: { const: 'http-error' } } }, then: { required: ['status'] } },
    { if: { required: ['mode'], properties: { mode: { const: 'error' } } }, then: { required: ['error'] } },
  ],
} as const;

/** Test and demo controls of the fake Zalo platform. Registered under `/sandbox/control/zalo`. */
export async function controlRoutes(app: FastifyInstance, options: ControlRoutesOptions): Promise<void> {
  const { accessTokens, oaTokens, faults } = options;

  app.get('/faults', async () => ({ faults: faults.list() }));

  app.post<{ Body: Omit<FaultSpec, 'mode'> & { mode?: FaultSpec['mode'] } }>(
    '/faults',
    { schema: { body: faultSchema } },
    async (request, reply) => {
      const { mode = 'error', ...rest } = request.body;
      return reply.code(201).send(faults.add({ mode, ...rest }));
    },
  );

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
      // A user's token, or the OA's current access token.
      if (!accessTokens.expire(request.body.accessToken) && !oaTokens.expire(request.body.accessToken)) {
        throw new SandboxError(404, 'UNKNOWN_ACCESS_TOKEN', 'Sandbox chưa từng cấp access token này.');
      }
      return reply.code(204).send();
    },
  );
}

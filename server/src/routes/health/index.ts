import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../composition';
import { ServiceUnavailableError } from '../../errors';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';

const READY_TIMEOUT_MS = 3000;
const statusSchema = toJsonSchema(z.object({ status: z.literal('ok') }));

async function databaseAnswers(health: Services['health']): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([health.databaseAnswers(), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function healthRoutes(app: FastifyInstance, { services }: { services: Pick<Services, 'health'> }): Promise<void> {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.health],
        summary: 'Liveness: the process answers',
        description: 'Public.',
        security: [],
        response: { 200: statusSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.health],
        summary: 'Readiness: the database answers',
        description: 'Public. 503 DATABASE_UNAVAILABLE when the database does not answer.',
        security: [],
        response: { 200: statusSchema, ...errorResponses(503) },
      },
    },
    async (_request, reply) => {
      if (!(await databaseAnswers(services.health))) {
        throw new ServiceUnavailableError(
          'DATABASE_UNAVAILABLE',
          'Hệ thống tạm thời không truy cập được dữ liệu. Hãy thử lại sau ít phút.',
        );
      }
      return reply.header('cache-control', 'no-store').send({ status: 'ok' });
    },
  );
}

// GET /api/v1/lookup: anyone, without signing in, may see a dossier's status with its receipt code and the last four
// digits of the applicant's phone. Public by design, so guessing is slowed: LOOKUP_RATE_LIMIT_PER_MINUTE requests per
// client address and minute (10 by default), then 429 RATE_LIMITED with Retry-After.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { lookupAnswerSchema, lookupQuery, type LookupQuery } from '@lao-cai-so/domain/api/lookup';
import type { Services } from '../../composition';
import { AppError, NotFoundError } from '../../errors';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';

const dossierNotFound = () =>
  new NotFoundError(
    'DOSSIER_NOT_FOUND',
    'Không tìm thấy hồ sơ với mã hồ sơ và số điện thoại đã nhập. Hãy kiểm tra lại mã trên giấy tiếp nhận và 4 số cuối điện thoại.',
  );

const rateLimited = (seconds: number) =>
  new AppError(429, 'RATE_LIMITED', `Bạn đã tra cứu quá nhiều lần. Hãy đợi ${seconds} giây rồi thử lại.`);

export async function lookupRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { config, now, lookup } = services;
  // Counted in this process's memory, per client address (request.ip: see TRUST_PROXY behind a reverse proxy).
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  });

  app.get<{ Querystring: LookupQuery }>(
    '/lookup',
    {
      config: {
        public: true,
        rateLimit: { max: config.lookup.rateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: [TAGS.lookup],
        summary: 'Look up a dossier by receipt code and the applicant’s phone',
        description:
          'Public. Only the status, procedure name and due date. 404 DOSSIER_NOT_FOUND for a wrong receipt code and ' +
          'for a wrong phone alike; 400 VALIDATION_FAILED for a malformed query; 429 RATE_LIMITED (header ' +
          `Retry-After, seconds) after ${config.lookup.rateLimitPerMinute} requests a minute from one address.`,
        querystring: toJsonSchema(lookupQuery, 'input'),
        response: { 200: toJsonSchema(lookupAnswerSchema), ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { receiptCode, phoneLast4 } = request.query;
      const found = await lookup.lookUpDossier(receiptCode.trim(), phoneLast4, now());
      if (!found) throw dossierNotFound();
      return found;
    },
  );
}

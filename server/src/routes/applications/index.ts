// Submitting an application and reading one's own. Someone else's application answers exactly like one that does
// not exist (404), so ids cannot be probed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition';
import { AppError, NotFoundError } from '../../errors';
import { fieldErrorsBodySchema } from '@lao-cai-so/domain/api/page';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';
import { type ApplicationRecord, clockFields } from '../../services/applications';
import { SerializedBodies } from '../serialized-body';
import {
  type ApplicationParams,
  applicationDetailSchema,
  applicationListSchema,
  applicationParams,
  applicationSummarySchema,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  type IntakeBodyInput,
  intakeBody,
} from '@lao-cai-so/domain/api/applications';

const idempotencyKeyRequired = () =>
  new AppError(
    400,
    'IDEMPOTENCY_KEY_REQUIRED',
    'Thiếu tiêu đề "Idempotency-Key" (8–200 ký tự, ví dụ một UUID): mỗi lần nộp hồ sơ cần một mã riêng.',
  );

const applicationNotFound = () =>
  new NotFoundError('APPLICATION_NOT_FOUND', 'Không tìm thấy hồ sơ này. Hãy xem danh sách hồ sơ của bạn.');

export interface ApplicationRouteOptions {
  services: Services;
  /** Called after an application is committed (in-process workers start forwarding without waiting to poll). */
  onSubmitted?: () => void;
}

export async function applicationRoutes(app: FastifyInstance, options: ApplicationRouteOptions): Promise<void> {
  const { applications, intake, now, calendar } = options.services;
  // Status reads are served from memory, invalidated by the database's notifications. Keyed by application id,
  // whoever owns it; what the clock decides is added per request.
  const records = options.services.readCaches.create<ApplicationRecord>({
    keyedBy: 'application',
    clearedBy: ['catalog'],
    max: 10_000,
    ttlMs: 10 * 60_000,
  });
  const bodies = new SerializedBodies<ApplicationRecord>();
  // Every answer here is personal: `Cache-Control: no-store`, set by each handler (errors get it from the error
  // handler) rather than by an onSend hook, which would cost the status read a hook run per request.
  const NO_STORE = 'no-store';
  const answer = (request: FastifyRequest, reply: FastifyReply, record: ApplicationRecord | undefined) => {
    if (!record || record.citizenId !== request.citizenId) throw applicationNotFound();
    const clock = clockFields(record, { now: now(), calendar });
    reply.header('cache-control', NO_STORE);
    return bodies.send(reply, record, `${clock.overdue}|${clock.workingDaysLeft}`, () => ({ ...record.view, ...clock }));
  };

  app.post<{ Body: IntakeBodyInput }>(
    '/applications',
    {
      schema: {
        tags: [TAGS.applications],
        summary: 'Submit an application',
        description:
          'Header Idempotency-Key (required, 8–200 printable characters, e.g. a UUID made when the citizen taps ' +
          '"Nộp hồ sơ" and kept for every retry). 201 with the new application, committed together with its ' +
          'attachments and its forwarding job. The same key with the same body answers 200 with that first ' +
          'application (its current state) and the header Idempotent-Replayed: true; the same key with another body ' +
          '→ 422 IDEMPOTENCY_KEY_REUSED. 422 VALIDATION_FAILED with `fields` (a Vietnamese message per field or ' +
          'document code: invalid or missing answers, fields the procedure does not define, markup, missing required ' +
          'documents, uploads that are not the caller’s or already used); 422 PROCEDURE_NOT_FOUND, ' +
          'PROCEDURE_NOT_AVAILABLE, OFFICE_NOT_FOUND, OFFICE_DOES_NOT_HANDLE_PROCEDURE, TOO_MANY_FILES, ' +
          'APPLICATION_TOO_LARGE. A refusal stores nothing.',
        headers: {
          type: 'object',
          properties: { [IDEMPOTENCY_KEY_HEADER]: { type: 'string', description: 'Unique per submission' } },
        },
        body: toJsonSchema(intakeBody, 'input'),
        response: {
          200: toJsonSchema(applicationSummarySchema),
          201: toJsonSchema(applicationSummarySchema),
          422: toJsonSchema(fieldErrorsBodySchema),
          ...errorResponses(400),
        },
      },
    },
    async (request, reply) => {
      const key = request.headers[IDEMPOTENCY_KEY_HEADER];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) throw idempotencyKeyRequired();
      const result = await intake.submitApplication(request.citizenId, key, request.body);
      if (result.created) {
        options.onSubmitted?.();
        return reply.code(201).header('cache-control', NO_STORE).send(result.application);
      }
      return reply.code(200).header('cache-control', NO_STORE).header('idempotent-replayed', 'true').send(result.application);
    },
  );

  app.get(
    '/applications',
    {
      schema: {
        tags: [TAGS.applications],
        summary: 'The signed-in citizen’s applications: those needing action (5, 6, 9) first, then newest first',
        response: { 200: toJsonSchema(applicationListSchema) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', NO_STORE);
      return { items: await applications.listApplications(request.citizenId, now()) };
    },
  );

  app.get<{ Params: ApplicationParams }>(
    '/applications/:id',
    {
      schema: {
        tags: [TAGS.applications],
        summary: 'One of the signed-in citizen’s applications: documents, timeline, due date, what its status asks',
        description: '404 APPLICATION_NOT_FOUND for an unknown id and for someone else’s application alike.',
        params: toJsonSchema(applicationParams, 'input'),
        response: { 200: toJsonSchema(applicationDetailSchema), ...errorResponses(404) },
      },
    },
    // Not async: an application in memory is answered without a promise.
    (request, reply) => {
      const { id } = request.params;
      const cached = records.peek(id);
      if (cached) return answer(request, reply, cached);
      return records
        .get(id, async () => (await applications.loadApplicationRecord(id)) ?? undefined)
        .then((record) => answer(request, reply, record));
    },
  );
}

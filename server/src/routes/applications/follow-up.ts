// What a citizen does after submitting: send the documents an officer asked for, withdraw, rate. Only on their own
// applications: someone else's answers 404 APPLICATION_NOT_FOUND, like an unknown id.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition';
import { AppError, NotFoundError } from '../../errors';
import { fieldErrorsBodySchema } from '@lao-cai-so/domain/api/page';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';
import {
  type ApplicationParams,
  applicationDetailSchema,
  applicationParams,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  type RatingBodyInput,
  ratingBody,
  ratingSchema,
  type SupplementBodyInput,
  supplementBody,
  supplementViewSchema,
  type WithdrawalBodyInput,
  withdrawalBody,
} from '@lao-cai-so/domain/api/applications';

const applicationNotFound = () =>
  new NotFoundError('APPLICATION_NOT_FOUND', 'Không tìm thấy hồ sơ này. Hãy xem danh sách hồ sơ của bạn.');
const idempotencyKeyRequired = () =>
  new AppError(
    400,
    'IDEMPOTENCY_KEY_REQUIRED',
    'Thiếu tiêu đề "Idempotency-Key" (8–200 ký tự, ví dụ một UUID): mỗi lần gửi giấy tờ cần một mã riêng.',
  );

export interface FollowUpRouteOptions {
  services: Services;
  /** Called after a supplement is committed (an in-process worker forwards it without waiting to poll). */
  onSubmitted?: () => void;
}

export async function followUpRoutes(app: FastifyInstance, options: FollowUpRouteOptions): Promise<void> {
  const { applications, followUp, now, calendar } = options.services;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  const detail = async (citizenId: string, id: string) => {
    const application = await applications.findApplicationDetail(citizenId, id, { now: now(), calendar });
    if (!application) throw applicationNotFound();
    return application;
  };

  app.post<{ Params: ApplicationParams; Body: SupplementBodyInput }>(
    '/applications/:id/supplements',
    {
      schema: {
        tags: [TAGS.applications],
        summary: 'Send the documents the office asked for (status 5)',
        description:
          'Header Idempotency-Key (required, 8–200 printable characters). One upload (POST /uploads) per file, named by ' +
          'the requested document (supplement.documents[].name). 202 with the supplement, stored together with its ' +
          'forwarding job; the one-stop system receives it once (the supplement id is its Idempotency-Key) and resets ' +
          'the due date. The same key with the same body → 202 with the same supplement (header Idempotent-Replayed: ' +
          'true); with another body → 422 IDEMPOTENCY_KEY_REUSED. 409 SUPPLEMENT_NOT_REQUESTED when the dossier is not ' +
          'at status 5; 409 SUPPLEMENT_ALREADY_SENT when another supplement already answers this request; 422 ' +
          'VALIDATION_FAILED (uploads not the caller’s or already used, by document name), TOO_MANY_FILES, APPLICATION_TOO_LARGE.',
        params: toJsonSchema(applicationParams, 'input'),
        headers: { type: 'object', properties: { [IDEMPOTENCY_KEY_HEADER]: { type: 'string', description: 'Unique per sending' } } },
        body: toJsonSchema(supplementBody, 'input'),
        response: {
          202: toJsonSchema(supplementViewSchema),
          422: toJsonSchema(fieldErrorsBodySchema),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const key = request.headers[IDEMPOTENCY_KEY_HEADER];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) throw idempotencyKeyRequired();
      const result = await followUp.submitSupplement(request.citizenId, request.params.id, key, request.body);
      if (!result) throw applicationNotFound();
      if (result.created) options.onSubmitted?.();
      else reply.header('idempotent-replayed', 'true');
      return reply.code(202).send(result.supplement);
    },
  );

  app.post<{ Params: ApplicationParams; Body: WithdrawalBodyInput }>(
    '/applications/:id/withdrawal',
    {
      schema: {
        tags: [TAGS.applications],
        summary: 'Withdraw an application that is not yet decided',
        description:
          'Asks the one-stop system to withdraw the dossier (status 7) and answers 200 with the application. Allowed ' +
          'while undecided (1, 2, 4, 5, 6); a repeat on a withdrawn application answers 200 too. 409 ' +
          'WITHDRAWAL_NOT_ALLOWED once decided or ended (or still being forwarded); 503 ONE_STOP_UNAVAILABLE when the ' +
          'one-stop system cannot be reached (nothing changed: try again).',
        params: toJsonSchema(applicationParams, 'input'),
        body: toJsonSchema(withdrawalBody, 'input'),
        response: { 200: toJsonSchema(applicationDetailSchema), ...errorResponses(400, 404, 409, 503) },
      },
    },
    async (request) => {
      const reason = request.body?.reason?.trim() || null;
      const done = await followUp.withdrawApplication(request.citizenId, request.params.id, reason);
      if (!done) throw applicationNotFound();
      return detail(request.citizenId, request.params.id);
    },
  );

  app.post<{ Params: ApplicationParams; Body: RatingBodyInput }>(
    '/applications/:id/rating',
    {
      schema: {
        tags: [TAGS.applications],
        summary: 'Rate the service once the result is ready (9) or returned (10)',
        description:
          '`{ stars: 1–5, comment? (≤ 1000 characters) }` → 201 with the rating. Once per application: 409 ALREADY_RATED ' +
          'for a second one; 409 RATING_NOT_ALLOWED before there is a result.',
        params: toJsonSchema(applicationParams, 'input'),
        body: toJsonSchema(ratingBody, 'input'),
        response: { 201: toJsonSchema(ratingSchema), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const rating = await followUp.rateApplication(request.citizenId, request.params.id, request.body);
      if (!rating) throw applicationNotFound();
      return reply.code(201).send(rating);
    },
  );
}

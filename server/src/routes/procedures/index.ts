import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';
import type { Page, ProcedureSummary } from '../../services/procedure-catalog';
import { SerializedBodies } from '../serialized-body';
import { CATALOG_CACHE_CONTROL } from '../cache-control';
import { officeNotFound, procedureNotFound } from '../catalog-errors';
import {
  type ListProceduresQuery,
  listProceduresQuery,
  type ProcedureParams,
  procedureDetailSchema,
  procedurePageSchema,
  procedureParams,
} from '@lao-cai-so/domain/api/procedures';

/** A search whose office filter names no office (404), remembered like a result. */
const NO_SUCH_OFFICE = { noSuchOffice: true } as const;

export async function procedureRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { catalogue } = services;
  // Results per query as typed, filters and page; emptied by any catalogue change (and kept at most as long as the
  // answer's own Cache-Control allows a browser to). Spellings differing in case or diacritics are entries of their
  // own (with equal contents): cheaper per request than normalising every query.
  const searches = services.readCaches.create<Page<ProcedureSummary> | typeof NO_SUCH_OFFICE>({
    clearedBy: ['catalog'],
    max: 2_000,
    ttlMs: 5 * 60_000,
  });
  const bodies = new SerializedBodies<Page<ProcedureSummary>>();

  app.get<{ Querystring: ListProceduresQuery }>(
    '/procedures',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.procedures],
        summary: 'Search the procedure catalogue',
        description:
          'Public. Without q: the most used procedures first. With q: name matches first, then description ' +
          'matches; diacritics and case are ignored.',
        security: [],
        querystring: toJsonSchema(listProceduresQuery, 'input'),
        response: { 200: toJsonSchema(procedurePageSchema), ...errorResponses(400, 404) },
      },
    },
    // Not async: a search in memory is answered without a promise.
    (request, reply) => {
      const { q, office, level, online, page, pageSize } = request.query;
      const key = JSON.stringify([q ?? '', office ?? null, level ?? null, online ?? null, page, pageSize]);
      const answer = (result: Page<ProcedureSummary> | typeof NO_SUCH_OFFICE | undefined) => {
        if (!result || 'noSuchOffice' in result) throw officeNotFound();
        return bodies.send(reply.header('cache-control', CATALOG_CACHE_CONTROL), result, '', () => result);
      };
      const cached = searches.peek(key);
      if (cached) return answer(cached);
      return searches
        .get(key, async () => {
          if (office && !(await catalogue.findOffice(office))) return NO_SUCH_OFFICE;
          return catalogue.searchProcedures({ q, officeCode: office, level, online, page, pageSize });
        })
        .then(answer);
    },
  );

  app.get<{ Params: ProcedureParams }>(
    '/procedures/:code',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.procedures],
        summary: 'One procedure with its documents, fees and form fields',
        description: 'Public.',
        security: [],
        params: toJsonSchema(procedureParams, 'input'),
        response: { 200: toJsonSchema(procedureDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const procedure = await catalogue.findProcedure(request.params.code);
      if (!procedure) throw procedureNotFound();
      return reply.header('cache-control', CATALOG_CACHE_CONTROL).send(procedure);
    },
  );
}

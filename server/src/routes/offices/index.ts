import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';
import { CATALOG_CACHE_CONTROL } from '../cache-control';
import { officeNotFound } from '../catalog-errors';
import {
  type ListOfficesQuery,
  listOfficesQuery,
  officeDetailSchema,
  officePageSchema,
  type OfficeParams,
  officeParams,
} from '@lao-cai-so/domain/api/offices';

export async function officeRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { catalogue } = services;
  app.get<{ Querystring: ListOfficesQuery }>(
    '/offices',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.offices],
        summary: 'Search the one-stop desks',
        description: 'Public. Matches the unit name and the former communes merged into it, ignoring diacritics.',
        security: [],
        querystring: toJsonSchema(listOfficesQuery, 'input'),
        response: { 200: toJsonSchema(officePageSchema), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const result = await catalogue.searchOffices(request.query);
      return reply.header('cache-control', CATALOG_CACHE_CONTROL).send(result);
    },
  );

  app.get<{ Params: OfficeParams }>(
    '/offices/:code',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.offices],
        summary: 'One office with its former units and the procedures it handles',
        description: 'Public.',
        security: [],
        params: toJsonSchema(officeParams, 'input'),
        response: { 200: toJsonSchema(officeDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const office = await catalogue.findOffice(request.params.code);
      if (!office) throw officeNotFound();
      const procedures = await catalogue.listOfficeProcedures(office.code);
      return reply.header('cache-control', CATALOG_CACHE_CONTROL).send({ ...office, procedures });
    },
  );
}

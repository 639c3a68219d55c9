import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/db';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';
import { findOffice } from '../../services/office-directory';
import { findProcedure, searchProcedures } from '../../services/procedure-catalog';
import { CATALOG_CACHE_CONTROL } from '../cache-control';
import { officeNotFound, procedureNotFound } from '../catalog-errors';
import {
  type ListProceduresQuery,
  listProceduresQuery,
  type ProcedureParams,
  procedureDetailSchema,
  procedurePageSchema,
  procedureParams,
} from './schemas';

export async function procedureRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
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
    async (request, reply) => {
      const { q, office, level, online, page, pageSize } = request.query;
      if (office && !(await findOffice(db, office))) throw officeNotFound();
      const result = await searchProcedures(db, { q, officeCode: office, level, online, page, pageSize });
      return reply.header('cache-control', CATALOG_CACHE_CONTROL).send(result);
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
      const procedure = await findProcedure(db, request.params.code);
      if (!procedure) throw procedureNotFound();
      return reply.header('cache-control', CATALOG_CACHE_CONTROL).send(procedure);
    },
  );
}

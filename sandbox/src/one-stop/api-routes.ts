import { timingSafeEqual } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import { SandboxError } from '../errors';
import { type DossierFilter, type DossierStore, notFound } from './dossier-store';
import { dossierView } from './dossier-view';
import type { DossierWorkflow } from './dossier-workflow';
import type { OneStopFaults, OneStopOperation, OperationConfig } from './faults';
import { readPushRequest, readSupplementRequest } from './push-request';

export interface ApiRoutesOptions {
  apiToken: string;
  store: DossierStore;
  workflow: DossierWorkflow;
  faults: OneStopFaults;
  now: Clock;
  autoAccept: () => boolean;
  maxDocumentBytes: number;
  maxDocuments: number;
}

function hasToken(request: FastifyRequest, expected: string): boolean {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

const operation = (name: OneStopOperation): { config: OperationConfig } => ({ config: { operation: name } });

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

interface ListQuery {
  MaHoSo?: string;
  MaHoSoLienThong?: string;
  MaDonVi?: string;
  TrangThaiHoSo?: string;
}

/**
 * The provincial integration API of the simulated one-stop system, under `/one-stop/api`
 * (contract: sandbox/README.md, "Simulated one-stop system"). Every route needs `Authorization: Bearer <token>`.
 */
export async function apiRoutes(app: FastifyInstance, options: ApiRoutesOptions): Promise<void> {
  const { store, workflow, faults, now } = options;
  const limits = { maxDocumentBytes: options.maxDocumentBytes, maxDocuments: options.maxDocuments };

  await app.register(multipart, {
    limits: { fileSize: limits.maxDocumentBytes, files: limits.maxDocuments, fields: 5, fieldSize: 1024 * 1024 },
  });

  app.addHook('onRequest', faults.onRequest);
  app.addHook('onRequest', async (request) => {
    if (!hasToken(request, options.apiToken)) {
      throw new SandboxError(401, 'UNAUTHORIZED', 'Thiếu hoặc sai mã truy cập (Authorization: Bearer).');
    }
  });
  app.addHook('onSend', faults.onSend);

  app.post('/dossiers', operation('push'), async (request, reply) => {
    const input = await readPushRequest(request, limits);
    const at = new Date(now());
    const { dossier, created } = store.push(input, at);
    // In the same synchronous turn as the push: a concurrent repeat sees the dossier already accepted.
    if (created && options.autoAccept()) workflow.accept(dossier, at, 'Cán bộ một cửa (tự động)');
    return reply.code(created ? 201 : 200).send(dossierView(dossier));
  });

  app.post<{ Params: { id: string } }>(
    '/dossiers/:id/supplements',
    { ...operation('supplement'), schema: { params: idParams } },
    async (request, reply) => {
      const upload = await readSupplementRequest(request, limits);
      const { dossier, created } = workflow.supplement(request.params.id, upload);
      return reply.code(created ? 201 : 200).send(dossierView(dossier));
    },
  );

  app.post<{ Params: { id: string }; Body: { LyDo?: string } | undefined }>(
    '/dossiers/:id/withdrawal',
    {
      ...operation('withdrawal'),
      schema: {
        params: idParams,
        body: {
          type: ['object', 'null'],
          propertyNames: { enum: ['LyDo'] },
          properties: { LyDo: { type: 'string', minLength: 1, maxLength: 2000 } },
        },
      },
    },
    async (request) => {
      const { dossier } = workflow.withdraw(request.params.id, request.body?.LyDo?.trim() || undefined);
      return dossierView(dossier);
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/dossiers',
    {
      ...operation('list'),
      schema: {
        querystring: {
          type: 'object',
          // propertyNames rather than additionalProperties: false, which Fastify's ajv would silently strip, and a
          // mistyped filter would then list every dossier.
          propertyNames: { enum: ['MaHoSo', 'MaHoSoLienThong', 'MaDonVi', 'TrangThaiHoSo'] },
          properties: {
            MaHoSo: { type: 'string', minLength: 1, maxLength: 50 },
            MaHoSoLienThong: { type: 'string', minLength: 1, maxLength: 100 },
            MaDonVi: { type: 'string', minLength: 1, maxLength: 20 },
            TrangThaiHoSo: { type: 'string', pattern: '^([1-9]|10)$' },
          },
        },
      },
    },
    async (request) => {
      const { MaHoSo, MaHoSoLienThong, MaDonVi, TrangThaiHoSo } = request.query;
      const filter: DossierFilter = {
        ...(MaHoSo !== undefined ? { receiptCode: MaHoSo } : {}),
        ...(MaHoSoLienThong !== undefined ? { idempotencyKey: MaHoSoLienThong } : {}),
        ...(MaDonVi !== undefined ? { unitCode: MaDonVi } : {}),
        ...(TrangThaiHoSo !== undefined ? { status: Number(TrangThaiHoSo) } : {}),
      };
      const dossiers = store.list(filter).map(dossierView);
      return { TongSo: dossiers.length, DanhSachHoSo: dossiers };
    },
  );

  app.get<{ Params: { id: string } }>('/dossiers/:id', { ...operation('lookup'), schema: { params: idParams } }, async (request) => {
    const dossier = store.get(request.params.id);
    if (!dossier) throw notFound();
    return dossierView(dossier);
  });

  app.get<{ Params: { id: string; documentId: string } }>(
    '/dossiers/:id/documents/:documentId',
    {
      ...operation('document'),
      schema: {
        params: {
          type: 'object',
          required: ['id', 'documentId'],
          properties: { id: { type: 'string', minLength: 1 }, documentId: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request, reply) => {
      const document = store.document(request.params.id, request.params.documentId);
      if (!document) throw new SandboxError(404, 'DOCUMENT_NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
      return reply
        .type(document.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`)
        .header('x-content-sha256', document.sha256)
        .send(document.content);
    },
  );
}

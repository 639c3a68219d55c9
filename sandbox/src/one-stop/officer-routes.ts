import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Clock } from '../clock';
import { SandboxError } from '../errors';
import type { DossierStore } from './dossier-store';
import { dossierView } from './dossier-view';
import { type DossierWorkflow, OFFICER_ACTIONS, type OfficerAction, isOfficerAction } from './dossier-workflow';
import { officerAssets } from './officer-assets';
import { dossierPage, listPage, notFoundPage } from './officer-console-html';
import { readReceiptInput } from './receipt-input';

export interface OfficerRoutesOptions {
  store: DossierStore;
  workflow: DossierWorkflow;
  now: Clock;
}

interface ActionParams {
  id: string;
  action: string;
}

const actionParams = {
  type: 'object',
  required: ['id', 'action'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 }, action: { type: 'string', minLength: 1, maxLength: 40 } },
} as const;

function officerAction(name: string): OfficerAction {
  if (!isOfficerAction(name)) throw new SandboxError(404, 'UNKNOWN_ACTION', `Không có thao tác "${name}".`);
  return name;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

/**
 * The officer side of the simulated one-stop system, under `/officer`: the console (HTML forms) and the same actions
 * as JSON (`/officer/api`), for tests and scripted demos. No sign-in: it is a sandbox on a developer machine.
 */
export async function officerRoutes(app: FastifyInstance, options: OfficerRoutesOptions): Promise<void> {
  const { store, workflow, now } = options;
  await app.register(formbody);
  await app.register(officerAssets);

  app.get<{ Querystring: { MaDonVi?: string; MaHoSo?: string } }>(
    '/',
    {
      schema: {
        querystring: {
          type: 'object',
          // MaHoSo is typed, or whatever QR code was scanned (a poster's link is longer than a receipt code).
          properties: { MaDonVi: { type: 'string', maxLength: 20 }, MaHoSo: { type: 'string', maxLength: 2048 } },
        },
      },
    },
    async (request, reply) => {
      const unitCode = request.query.MaDonVi?.trim() || undefined;
      const receiptCode = request.query.MaHoSo?.trim() || undefined;
      const input = { store, now: new Date(now()), unitCode, receiptCode };
      if (receiptCode !== undefined) {
        // Typed or scanned ("Quét mã biên nhận"): the code as given, else as a receipt code is printed (capitals).
        const read = readReceiptInput(receiptCode);
        const dossier =
          store.list({ receiptCode })[0] ?? (read.kind === 'receipt' ? store.list({ receiptCode: read.receiptCode })[0] : undefined);
        if (dossier) return reply.code(303).redirect(`/officer/dossiers/${encodeURIComponent(dossier.id)}`);
        if (read.kind === 'receipt') {
          return html(reply, 404, listPage({ ...input, error: `Không tìm thấy hồ sơ có mã "${receiptCode}".` }));
        }
        const shown = receiptCode.length > 60 ? `${receiptCode.slice(0, 60)}…` : receiptCode;
        const error =
          read.kind === 'app-link'
            ? 'Đây là mã QR mở ứng dụng Lào Cai số (trên áp phích hoặc tin nhắn), không phải mã biên nhận. Hãy quét mã QR trên biên nhận hồ sơ của công dân.'
            : `"${shown}" không phải mã hồ sơ. Mã hồ sơ in trên biên nhận, ví dụ 04465-260302-0001.`;
        return html(reply, 400, listPage({ ...input, receiptCode: receiptCode.length > 50 ? undefined : receiptCode, error }));
      }
      if (unitCode !== undefined && !store.units.some((unit) => unit.code === unitCode)) {
        return html(reply, 404, listPage({ ...input, unitCode: undefined, error: `Không có đơn vị mã "${unitCode}".` }));
      }
      return html(reply, 200, listPage(input));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/dossiers/:id', async (request, reply) => {
    const dossier = store.get(request.params.id);
    if (!dossier) return html(reply, 404, notFoundPage());
    const done = request.query.done;
    const notice = done !== undefined && isOfficerAction(done) ? OFFICER_ACTIONS[done].done : undefined;
    return html(reply, 200, dossierPage({ dossier, now: new Date(now()), store, notice }));
  });

  app.get<{ Params: { id: string; documentId: string } }>('/dossiers/:id/documents/:documentId', async (request, reply) => {
    const document = store.document(request.params.id, request.params.documentId);
    if (!document) throw new SandboxError(404, 'DOCUMENT_NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
    return reply
      .type(document.contentType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(document.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(document.content);
  });

  // The console's forms: on success back to the dossier page with a notice (post/redirect/get); on a refusal the
  // page again with the reason.
  app.post<{ Params: ActionParams; Body: Record<string, unknown> | undefined }>(
    '/dossiers/:id/:action',
    { schema: { params: actionParams } },
    async (request, reply) => {
      const action = officerAction(request.params.action);
      try {
        workflow.perform(request.params.id, action, request.body);
      } catch (error) {
        if (!(error instanceof SandboxError)) throw error;
        const dossier = store.get(request.params.id);
        if (!dossier) return html(reply, 404, notFoundPage());
        return html(reply, error.statusCode, dossierPage({ dossier, now: new Date(now()), store, error: error.message }));
      }
      return reply.code(303).redirect(`/officer/dossiers/${encodeURIComponent(request.params.id)}?done=${action}`);
    },
  );

  // The same actions as JSON: the dossier as the integration API shows it, or { statusCode, code, message }.
  app.post<{ Params: ActionParams; Body: Record<string, unknown> | undefined }>(
    '/api/dossiers/:id/:action',
    { schema: { params: actionParams } },
    async (request) => {
      const action = officerAction(request.params.action);
      return dossierView(workflow.perform(request.params.id, action, request.body));
    },
  );
}

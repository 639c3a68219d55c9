import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import { STATUS } from './dossier-statuses';
import { SandboxError } from '../errors';
import { type DossierStore, notFound } from './dossier-store';
import { dossierView } from './dossier-view';
import type { DossierWorkflow } from './dossier-workflow';
import { formatDvcqgDate } from './dvcqg-date';
import { ONE_STOP_FAULT_MODES, ONE_STOP_OPERATIONS, type OneStopFaultSpec, type OneStopFaults } from './faults';
import { webhookLogRoutes } from '../webhook-outbox';
import type { WebhookSender } from './webhooks';

export interface OneStopSettings {
  autoAccept: boolean;
}

export interface ControlRoutesOptions {
  store: DossierStore;
  workflow: DossierWorkflow;
  webhooks: WebhookSender;
  faults: OneStopFaults;
  settings: OneStopSettings;
  now: Clock;
}

const faultSchema = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: {
    mode: { type: 'string', enum: ONE_STOP_FAULT_MODES },
    delayMs: { type: 'integer', minimum: 0, maximum: 600000 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    operation: { type: 'string', enum: ONE_STOP_OPERATIONS },
    times: { type: 'integer', minimum: 1 },
  },
  allOf: [
    { if: { properties: { mode: { const: 'slow' } } }, then: { required: ['delayMs'] } },
    { if: { properties: { mode: { const: 'http-error' } } }, then: { required: ['status'] } },
  ],
} as const;

/** Test and demo controls of the simulated one-stop system. Registered under `/sandbox/control/one-stop`. */
export async function controlRoutes(app: FastifyInstance, options: ControlRoutesOptions): Promise<void> {
  const { store, workflow, webhooks, faults, settings, now } = options;
  const currentSettings = () => ({ autoAccept: settings.autoAccept, dropWebhooks: webhooks.dropping });

  app.get('/faults', async () => ({ faults: faults.list() }));

  app.post<{ Body: OneStopFaultSpec }>('/faults', { schema: { body: faultSchema } }, async (request, reply) => {
    return reply.code(201).send(faults.add(request.body));
  });

  app.delete('/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });

  app.get('/settings', async () => currentSettings());

  app.put<{ Body: { autoAccept?: boolean; dropWebhooks?: boolean } }>(
    '/settings',
    {
      schema: {
        body: {
          type: 'object',
          minProperties: 1,
          // propertyNames, not additionalProperties: false, which Fastify's ajv would strip silently.
          propertyNames: { enum: ['autoAccept', 'dropWebhooks'] },
          properties: { autoAccept: { type: 'boolean' }, dropWebhooks: { type: 'boolean' } },
        },
      },
    },
    async (request) => {
      if (request.body.autoAccept !== undefined) settings.autoAccept = request.body.autoAccept;
      if (request.body.dropWebhooks !== undefined) webhooks.dropping = request.body.dropWebhooks;
      return currentSettings();
    },
  );

  // The status webhooks sent to the proxy.
  webhookLogRoutes(app, webhooks);

  // What arrived, for exactly-once checks: `count` dossiers from `pushes` push requests (repeats included).
  app.get('/dossiers', async () => {
    const dossiers = store.list();
    return {
      count: dossiers.length,
      pushes: store.pushes,
      dossiers: dossiers.map((dossier) => ({
        Id: dossier.id,
        MaHoSoLienThong: dossier.idempotencyKey,
        MaHoSo: dossier.receiptCode,
        MaDonVi: dossier.unit.code,
        TrangThaiHoSo: dossier.status,
        NgayNopHoSo: formatDvcqgDate(dossier.submittedAt),
      })),
    };
  });

  app.delete('/dossiers', async (_request, reply) => {
    store.clear();
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/dossiers/:id/accept', async (request) => {
    const dossier = store.get(request.params.id);
    if (!dossier) throw notFound();
    if (dossier.status !== STATUS.SUBMITTED) {
      throw new SandboxError(409, 'DOSSIER_NOT_WAITING', 'Hồ sơ không ở trạng thái chờ tiếp nhận.');
    }
    workflow.accept(dossier, new Date(now()), 'Cán bộ một cửa');
    return dossierView(dossier);
  });
}

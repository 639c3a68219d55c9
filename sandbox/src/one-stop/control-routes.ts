import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import type { DossierStore } from './dossier-store';
import { dossierView } from './dossier-view';
import { formatDvcqgDate } from './dvcqg-date';
import { ONE_STOP_FAULT_MODES, ONE_STOP_OPERATIONS, type OneStopFaultSpec, type OneStopFaults } from './faults';

export interface OneStopSettings {
  autoAccept: boolean;
}

export interface ControlRoutesOptions {
  store: DossierStore;
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
  const { store, faults, settings, now } = options;

  app.get('/faults', async () => ({ faults: faults.list() }));

  app.post<{ Body: OneStopFaultSpec }>('/faults', { schema: { body: faultSchema } }, async (request, reply) => {
    return reply.code(201).send(faults.add(request.body));
  });

  app.delete('/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });

  app.get('/settings', async () => ({ ...settings }));

  app.put<{ Body: OneStopSettings }>(
    '/settings',
    {
      schema: {
        body: {
          type: 'object',
          required: ['autoAccept'],
          additionalProperties: false,
          properties: { autoAccept: { type: 'boolean' } },
        },
      },
    },
    async (request) => {
      settings.autoAccept = request.body.autoAccept;
      return { ...settings };
    },
  );

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
    return dossierView(store.accept(request.params.id, new Date(now())));
  });
}

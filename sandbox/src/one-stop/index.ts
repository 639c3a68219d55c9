import type { FastifyInstance } from 'fastify';
import { createWorkingCalendar } from '../../../server/src/domain/working-days';
import type { Clock } from '../clock';
import { DEFAULT_ONE_STOP_API_TOKEN, type OneStopOptions } from '../config';
import { apiRoutes } from './api-routes';
import { loadDefaultCatalogue } from './catalogue';
import { controlRoutes } from './control-routes';
import { DossierStore } from './dossier-store';
import { OneStopFaults } from './faults';

export interface OneStopPluginOptions extends Partial<OneStopOptions> {
  now: Clock;
}

/**
 * The simulated provincial one-stop dossier system: the integration API the proxy pushes dossiers to and polls
 * (`/one-stop/api`), and its controls (`/sandbox/control/one-stop`). State lives in memory per instance.
 */
export async function oneStopSystem(app: FastifyInstance, options: OneStopPluginOptions): Promise<void> {
  const catalogue = options.catalogue ?? loadDefaultCatalogue();
  const store = new DossierStore({
    catalogue,
    calendar: createWorkingCalendar(catalogue.holidays),
    defaultWorkingDays: options.defaultWorkingDays ?? 3,
  });
  const faults = new OneStopFaults();
  const settings = { autoAccept: options.autoAccept ?? true };
  app.addHook('preClose', async () => faults.shutdown());

  await app.register(apiRoutes, {
    prefix: '/one-stop/api',
    apiToken: options.apiToken ?? DEFAULT_ONE_STOP_API_TOKEN,
    store,
    faults,
    now: options.now,
    autoAccept: () => settings.autoAccept,
    maxDocumentBytes: options.maxDocumentBytes ?? 10 * 1024 * 1024,
    maxDocuments: options.maxDocuments ?? 20,
  });
  await app.register(controlRoutes, { prefix: '/sandbox/control/one-stop', store, faults, settings, now: options.now });
}

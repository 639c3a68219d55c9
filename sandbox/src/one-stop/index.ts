import type { FastifyInstance } from 'fastify';
import { type Clock, systemClock } from '../clock';
import { DEFAULT_ONE_STOP_API_TOKEN, DEFAULT_ONE_STOP_WEBHOOK_SECRET, type OneStopOptions } from '../config';
import { apiRoutes } from './api-routes';
import { loadDefaultCatalogue } from './catalogue';
import { controlRoutes } from './control-routes';
import { DossierStore } from './dossier-store';
import { DossierWorkflow } from './dossier-workflow';
import { OneStopFaults } from './faults';
import { officerRoutes } from './officer-routes';
import { WebhookSender } from './webhooks';
import { workingCalendar } from './working-calendar';

export interface OneStopPluginOptions extends Partial<OneStopOptions> {
  now: Clock;
}

/**
 * The simulated provincial one-stop dossier system: the integration API the proxy pushes dossiers to and polls
 * (`/one-stop/api`), the officer console (`/officer`) whose actions send signed status webhooks to the proxy, and
 * its controls (`/sandbox/control/one-stop`). State lives in memory per instance.
 */
export async function oneStopSystem(app: FastifyInstance, options: OneStopPluginOptions): Promise<void> {
  const catalogue = options.catalogue ?? loadDefaultCatalogue();
  const store = new DossierStore({
    catalogue,
    calendar: workingCalendar(catalogue.holidays),
    defaultWorkingDays: options.defaultWorkingDays ?? 3,
  });
  const webhooks = new WebhookSender({
    url: options.webhookUrl ?? null,
    secret: options.webhookSecret ?? DEFAULT_ONE_STOP_WEBHOOK_SECRET,
    retryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 5000, 30000],
    timeoutMs: options.webhookTimeoutMs ?? 5000,
    signingClock: options.webhookSigningClock ?? systemClock,
    logger: app.log,
  });
  webhooks.dropping = options.dropWebhooks ?? false;
  const workflow = new DossierWorkflow(store, webhooks, options.now);
  const faults = new OneStopFaults();
  const settings = { autoAccept: options.autoAccept ?? true };
  app.addHook('preClose', async () => {
    faults.shutdown();
    webhooks.shutdown();
  });

  await app.register(apiRoutes, {
    prefix: '/one-stop/api',
    apiToken: options.apiToken ?? DEFAULT_ONE_STOP_API_TOKEN,
    store,
    workflow,
    faults,
    now: options.now,
    autoAccept: () => settings.autoAccept,
    maxDocumentBytes: options.maxDocumentBytes ?? 10 * 1024 * 1024,
    maxDocuments: options.maxDocuments ?? 20,
  });
  await app.register(officerRoutes, { prefix: '/officer', store, workflow, now: options.now });
  await app.register(controlRoutes, {
    prefix: '/sandbox/control/one-stop',
    store,
    workflow,
    webhooks,
    faults,
    settings,
    now: options.now,
  });
}

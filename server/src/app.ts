// The API: Fastify with its plugins and routes over the services of composition.ts; tests and main.ts build the same app.
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createServices } from './composition';
import type { Config } from './config';
import type { Db } from './db/db';
import { JobQueue } from './queue/job-queue';
import { registerAuthentication } from './plugins/authentication';
import { registerErrorHandling } from './plugins/error-handler';
import { registerOpenApi } from './plugins/openapi';
import { registerSecurityHeaders } from './plugins/security-headers';
import { createLogger, lazyChildLoggerFactory, PrivacyLogController } from './plugins/request-log';
import { applicationRoutes } from './routes/applications';
import { followUpRoutes } from './routes/applications/follow-up';
import { lookupRoutes } from './routes/lookup';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { notificationRoutes } from './routes/notifications';
import { officeRoutes } from './routes/offices';
import { posterPageRoutes } from './routes/offices/poster-pages';
import { officePosterRoutes } from './routes/offices/posters';
import { procedureRoutes } from './routes/procedures';
import { sessionRoutes } from './routes/sessions';
import { uploadRoutes } from './routes/uploads';
import { webhookRoutes } from './routes/webhooks';
import { zaloWebhookRoutes } from './routes/webhooks/zalo';

export interface AppDependencies {
  config: Config;
  db: Db;
  /** Defaults to a pino logger writing JSON lines to stdout at config.logLevel. */
  logger?: Logger;
  /** The job queue intake enqueues into; by default the app opens its own (closed with the app). */
  jobs?: JobQueue;
  /** Called after each new application or supplement is committed: lets an in-process worker start at once. */
  onApplicationSubmitted?: () => void;
  /** The clock of overdue flags, working days left and the webhook timestamp check; the real one by default. */
  now?: () => Date;
}

export async function buildApp({ config, db, logger, jobs, onApplicationSubmitted, now = () => new Date() }: AppDependencies): Promise<FastifyInstance> {
  const log = logger ?? createLogger(config.logLevel);
  const logController = new PrivacyLogController(log);
  // Typed with pino's Logger by Fastify; callers only need the base FastifyInstance.
  const app = Fastify({
    loggerInstance: log,
    logController,
    childLoggerFactory: lazyChildLoggerFactory,
    // Behind a reverse proxy the client address (the lookup's rate limit key) comes from X-Forwarded-For.
    trustProxy: config.trustProxy,
    // Timeouts (issue 16, defect 8; server/README.md "Configuration"): half-sent requests and idle sockets end.
    requestTimeout: config.http.requestTimeoutMs,
    connectionTimeout: config.http.connectionTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.requestTimeoutMs,
      // Node checks the headers and request timeouts on this interval (30 s by default, which would let a
      // 10 s headers timeout run to 40 s).
      connectionsCheckingInterval: Math.min(1000, Math.round(config.http.headersTimeoutMs / 2)),
    },
  }) as unknown as FastifyInstance;
  app.addHook('onClose', async () => logController.summary.flush());

  // External plugins, then app plugins, then routes. Security headers first, on every answer. CORS before
  // authentication so that preflights are answered without a session; authentication before every route, so that each
  // one is protected unless public. PUT and DELETE too: the mini app answers consents and deletes the citizen's data
  // from another origin.
  await registerSecurityHeaders(app, config);
  await app.register(cors, { origin: config.corsOrigins, methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'], maxAge: 600 });
  registerErrorHandling(app);
  let jobQueue = jobs;
  if (!jobQueue) {
    const own = await JobQueue.open(db, config, { supervise: false });
    own.onError = (error) => app.log.error({ err: { message: error.message } }, 'job queue error');
    app.addHook('onClose', () => own.close());
    jobQueue = own;
  }
  const services = createServices({ config, db, jobs: jobQueue, now, log: app.log });
  // In-memory copies for the hot reads, kept right by the database's notifications (services/read-cache.ts).
  await services.readCaches.listen(db);
  app.addHook('onClose', () => services.readCaches.close());
  await registerAuthentication(app, { services });
  await registerOpenApi(app, config);

  await app.register(healthRoutes, { services });
  await app.register(procedureRoutes, { prefix: '/api/v1', services });
  await app.register(officeRoutes, { prefix: '/api/v1', services });
  await app.register(officePosterRoutes, { prefix: '/api/v1', services });
  await app.register(posterPageRoutes, { services });
  await app.register(sessionRoutes, { prefix: '/api/v1', services });
  await app.register(meRoutes, { prefix: '/api/v1', services });
  await app.register(webhookRoutes, { prefix: '/api/v1', services });
  await app.register(lookupRoutes, { prefix: '/api/v1', services });
  await app.register(notificationRoutes, { prefix: '/api/v1', services });
  await app.register(zaloWebhookRoutes, { prefix: '/api/v1', services });
  await app.register(uploadRoutes, { prefix: '/api/v1', services });
  await app.register(applicationRoutes, { prefix: '/api/v1', services, onSubmitted: onApplicationSubmitted });
  await app.register(followUpRoutes, { prefix: '/api/v1', services, onSubmitted: onApplicationSubmitted });
  return app;
}

// The composition root for the API: plain factory functions, so tests and main.ts build the same app.
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/db';
import { registerErrorHandling } from './plugins/error-handler';
import { registerOpenApi } from './plugins/openapi';
import { createLogger, PrivacyLogController } from './plugins/request-log';
import { healthRoutes } from './routes/health';
import { officeRoutes } from './routes/offices';
import { procedureRoutes } from './routes/procedures';

export interface AppDependencies {
  config: Config;
  db: Db;
  /** Defaults to a pino logger writing JSON lines to stdout at config.logLevel. */
  logger?: Logger;
}

export async function buildApp({ config, db, logger }: AppDependencies): Promise<FastifyInstance> {
  // Typed with pino's Logger by Fastify; callers only need the base FastifyInstance.
  const app = Fastify({
    loggerInstance: logger ?? createLogger(config.logLevel),
    logController: new PrivacyLogController(),
  }) as unknown as FastifyInstance;

  // External plugins, then app plugins, then routes.
  await app.register(cors, { origin: config.corsOrigins, maxAge: 600 });
  registerErrorHandling(app);
  await registerOpenApi(app, config);

  await app.register(healthRoutes, { db });
  await app.register(procedureRoutes, { prefix: '/api/v1', db });
  await app.register(officeRoutes, { prefix: '/api/v1', db });
  return app;
}

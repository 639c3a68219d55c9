// Builds the real app over a fresh, migrated test database; each test file calls it once.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import type { Db } from '../../src/db/db';
import { migrate } from '../../src/db/migrate';
import { createTestDb } from './test-db';

export const MINI_APP_ORIGIN = 'https://h5.zdn.vn';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  logger?: Logger;
  /** The app's clock (overdue, working days left, webhook timestamps); real time by default. */
  now?: () => Date;
}

/** Known to tests, so that they can forge tokens with it (and with others). */
export const TEST_JWT_SECRET = 'test-jwt-secret-of-at-least-32-characters';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    CORS_ORIGINS: `http://localhost:3000,${MINI_APP_ORIGIN}`,
    JWT_SECRET: TEST_JWT_SECRET,
    // Nothing listens there: a test that needs Zalo points ZALO_GRAPH_URL at its sandbox (support/zalo-sandbox.ts).
    ZALO_GRAPH_URL: 'http://127.0.0.1:9',
    ZALO_RETRIES: '1',
    ...env,
  });
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  const config = testConfig({ ...testDb.env, ...options.env });
  await migrate(testDb.db);
  const app = await buildApp({ config, db: testDb.db, logger: options.logger, now: options.now });
  await app.ready();
  return {
    app,
    db: testDb.db,
    config,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

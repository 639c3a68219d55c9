import path from 'node:path';
import {
  ConfigError,
  DEMO_ONE_STOP_API_TOKEN,
  DEMO_ONE_STOP_WEBHOOK_SECRET,
  DEMO_ZALO_APP_SECRET,
  loadConfig,
  pollCron,
  REPO_ROOT,
} from '../src/config';

test('defaults: port 3001 on localhost, embedded database under .data/pglite, the local mini app as origin', () => {
  expect(loadConfig({})).toEqual({
    port: 3001,
    host: 'localhost',
    databaseUrl: undefined,
    dataDir: path.join(REPO_ROOT, '.data', 'pglite'),
    catalogDir: path.join(REPO_ROOT, 'data'),
    corsOrigins: ['http://localhost:3000'],
    trustProxy: false,
    holidaysFile: path.join(REPO_ROOT, 'data', 'holidays.json'),
    logLevel: 'info',
    publicBaseUrl: 'http://localhost:3001',
    zalo: {
      graphUrl: 'https://graph.zalo.me',
      appId: '1234567890123456789',
      appSecret: DEMO_ZALO_APP_SECRET,
      timeoutMs: 5000,
      retries: 2,
    },
    session: { jwtSecret: expect.any(String), ttlSeconds: 1800 },
    oneStop: {
      baseUrl: 'http://localhost:3002',
      apiToken: DEMO_ONE_STOP_API_TOKEN,
      timeoutMs: 30000,
      webhookSecret: DEMO_ONE_STOP_WEBHOOK_SECRET,
    },
    statusPoll: { intervalSeconds: 300, cron: '*/5 * * * *', staleAfterSeconds: 300, batchSize: 200 },
    lookup: { rateLimitPerMinute: 10 },
    uploads: { maxFileBytes: 10 * 1024 * 1024, maxApplicationBytes: 30 * 1024 * 1024, maxFiles: 20 },
    jobs: { schema: 'pgboss', pollingIntervalSeconds: 2, forwardRetryLimit: 12, forwardRetryDelaySeconds: 5 },
  });
});

test('outside production an unset JWT_SECRET is a random key, the same for the whole process', () => {
  const { jwtSecret } = loadConfig({}).session;
  expect(jwtSecret.length).toBeGreaterThanOrEqual(32);
  expect(loadConfig({ NODE_ENV: 'development' }).session.jwtSecret).toBe(jwtSecret);
  expect(jwtSecret).not.toBe(DEMO_ZALO_APP_SECRET);
});

test('reads the Zalo and session settings', () => {
  const config = loadConfig({
    ZALO_GRAPH_URL: 'http://localhost:3002/',
    ZALO_APP_ID: '987654321',
    ZALO_APP_SECRET: 'real-app-secret',
    ZALO_TIMEOUT_MS: '2500',
    ZALO_RETRIES: '0',
    JWT_SECRET: 's'.repeat(32),
    SESSION_TTL_SECONDS: '600',
  });
  expect(config.zalo).toEqual({
    graphUrl: 'http://localhost:3002',
    appId: '987654321',
    appSecret: 'real-app-secret',
    timeoutMs: 2500,
    retries: 0,
  });
  expect(config.session).toEqual({ jwtSecret: 's'.repeat(32), ttlSeconds: 600 });
});

test('production has no insecure defaults: app id, app secret, JWT secret and the one-stop system are required', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ NODE_ENV: 'production', ...env });
      return [];
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => problem.split(':')[0]).sort();
    }
  };
  const oneStop = {
    ONE_STOP_BASE_URL: 'https://motcua.laocai.example',
    ONE_STOP_API_TOKEN: 'real-one-stop-token',
    ONE_STOP_WEBHOOK_SECRET: 'real-webhook-secret-0123456789',
  };
  expect(problems({})).toEqual([
    'JWT_SECRET',
    'ONE_STOP_API_TOKEN',
    'ONE_STOP_BASE_URL',
    'ONE_STOP_WEBHOOK_SECRET',
    'ZALO_APP_ID',
    'ZALO_APP_SECRET',
  ]);
  expect(
    problems({
      ...oneStop,
      ONE_STOP_WEBHOOK_SECRET: DEMO_ONE_STOP_WEBHOOK_SECRET,
      ZALO_APP_ID: '987654321',
      ZALO_APP_SECRET: 'real-app-secret',
      JWT_SECRET: 's'.repeat(32),
    }),
  ).toEqual(['ONE_STOP_WEBHOOK_SECRET']);
  expect(
    problems({ ...oneStop, ZALO_APP_ID: '987654321', ZALO_APP_SECRET: DEMO_ZALO_APP_SECRET, JWT_SECRET: 's'.repeat(32) }),
  ).toEqual(['ZALO_APP_SECRET']);
  expect(
    problems({ ...oneStop, ZALO_APP_ID: '987654321', ZALO_APP_SECRET: 'real-app-secret', JWT_SECRET: 'short' }),
  ).toEqual(['JWT_SECRET']);
  expect(
    problems({
      ...oneStop,
      ONE_STOP_API_TOKEN: DEMO_ONE_STOP_API_TOKEN,
      ZALO_APP_ID: '987654321',
      ZALO_APP_SECRET: 'real-app-secret',
      JWT_SECRET: 's'.repeat(32),
    }),
  ).toEqual(['ONE_STOP_API_TOKEN']);
  expect(
    problems({ ...oneStop, ZALO_APP_ID: '987654321', ZALO_APP_SECRET: 'real-app-secret', JWT_SECRET: 's'.repeat(32) }),
  ).toEqual([]);
});

test('one-stop, upload and forwarding settings: demo defaults, and every variable read', () => {
  const defaults = loadConfig({});
  expect(defaults.oneStop).toEqual({
    baseUrl: 'http://localhost:3002',
    apiToken: DEMO_ONE_STOP_API_TOKEN,
    timeoutMs: 30000,
    webhookSecret: DEMO_ONE_STOP_WEBHOOK_SECRET,
  });
  expect(defaults.uploads).toEqual({ maxFileBytes: 10 * 1024 * 1024, maxApplicationBytes: 30 * 1024 * 1024, maxFiles: 20 });
  const config = loadConfig({
    ONE_STOP_BASE_URL: 'https://motcua.laocai.example/',
    ONE_STOP_API_TOKEN: 'real-one-stop-token',
    ONE_STOP_TIMEOUT_MS: '4000',
    ONE_STOP_WEBHOOK_SECRET: 'real-webhook-secret-0123456789',
    STATUS_POLL_INTERVAL_SECONDS: '7200',
    STATUS_POLL_STALE_AFTER_SECONDS: '900',
    STATUS_POLL_BATCH_SIZE: '50',
    LOOKUP_RATE_LIMIT_PER_MINUTE: '30',
    TRUST_PROXY: 'true',
    UPLOAD_MAX_FILE_BYTES: '2048',
    UPLOAD_MAX_APPLICATION_BYTES: '4096',
    UPLOAD_MAX_FILES: '3',
    FORWARD_RETRY_LIMIT: '2',
    FORWARD_RETRY_DELAY_SECONDS: '1',
    JOB_POLLING_INTERVAL_SECONDS: '0.5',
    JOB_SCHEMA: 'jobs_test',
  });
  expect(config.oneStop).toEqual({
    baseUrl: 'https://motcua.laocai.example',
    apiToken: 'real-one-stop-token',
    timeoutMs: 4000,
    webhookSecret: 'real-webhook-secret-0123456789',
  });
  expect(config.statusPoll).toEqual({ intervalSeconds: 7200, cron: '0 */2 * * *', staleAfterSeconds: 900, batchSize: 50 });
  expect(config.lookup).toEqual({ rateLimitPerMinute: 30 });
  expect(config.trustProxy).toBe(true);
  expect(config.uploads).toEqual({ maxFileBytes: 2048, maxApplicationBytes: 4096, maxFiles: 3 });
  expect(config.jobs).toEqual({ schema: 'jobs_test', pollingIntervalSeconds: 0.5, forwardRetryLimit: 2, forwardRetryDelaySeconds: 1 });
  expect(() => loadConfig({ JOB_SCHEMA: 'pgboss; drop table x' })).toThrow(ConfigError);
  expect(() => loadConfig({ ONE_STOP_WEBHOOK_SECRET: 'short' })).toThrow(ConfigError);
  expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(ConfigError);
});

test('the status poll interval becomes an even cron schedule; intervals cron cannot keep are refused', () => {
  expect([60, 300, 900, 1800, 3600, 21600, 86400].map(pollCron)).toEqual([
    '* * * * *',
    '*/5 * * * *',
    '*/15 * * * *',
    '*/30 * * * *',
    '0 */1 * * *',
    '0 */6 * * *',
    '0 0 * * *',
  ]);
  for (const seconds of ['30', '90', '420', '25200', '0']) {
    expect(() => loadConfig({ STATUS_POLL_INTERVAL_SECONDS: seconds })).toThrow(ConfigError);
  }
});

test('reads every variable; empty values count as unset', () => {
  const config = loadConfig({
    PORT: '8080',
    HOST: '0.0.0.0',
    DATABASE_URL: 'postgres://app:secret@db:5432/lcs',
    DATA_DIR: '/var/lib/lcs',
    CORS_ORIGINS: 'https://h5.zdn.vn, http://localhost:3000/',
    LOG_LEVEL: 'warn',
    PUBLIC_BASE_URL: 'https://api.laocai.example/',
    CATALOG_DIR: '',
  });
  expect(config).toMatchObject({
    port: 8080,
    host: '0.0.0.0',
    databaseUrl: 'postgres://app:secret@db:5432/lcs',
    dataDir: '/var/lib/lcs',
    catalogDir: path.join(REPO_ROOT, 'data'),
    corsOrigins: ['https://h5.zdn.vn', 'http://localhost:3000'],
    logLevel: 'warn',
    publicBaseUrl: 'https://api.laocai.example',
  });
});

test('a bad environment is refused with every bad variable named', () => {
  let error: unknown;
  try {
    loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CORS_ORIGINS: 'not a url', LOG_LEVEL: 'loud' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const { problems, message } = error as ConfigError;
  expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
    ['CORS_ORIGINS.0', 'DATABASE_URL', 'LOG_LEVEL', 'PORT'].sort(),
  );
  expect(message).toMatch(/^Invalid configuration:/);
});

import path from 'node:path';
import {
  ConfigError,
  DEMO_ONE_STOP_API_TOKEN,
  DEMO_ONE_STOP_WEBHOOK_SECRET,
  DEMO_OPERATOR_API_KEY,
  DEMO_ZALO_APP_SECRET,
  DEMO_ZALO_MINI_APP_API_KEY,
  DEMO_ZALO_OA_ACCESS_TOKEN,
  DEMO_ZALO_OA_REFRESH_TOKEN,
  DEMO_ZALO_WEBHOOK_SECRET,
  loadConfig,
  pollCron,
  REPO_ROOT,
} from '../src/config';

/** A production configuration's secrets and one-stop settings, each a real-looking value. */
const PRODUCTION_SECRETS = {
  NODE_ENV: 'production',
  ZALO_APP_ID: '987654321',
  ZALO_APP_SECRET: 'real-app-secret',
  JWT_SECRET: 's'.repeat(32),
  ONE_STOP_BASE_URL: 'https://motcua.laocai.example',
  ONE_STOP_API_TOKEN: 'real-one-stop-token',
  ONE_STOP_WEBHOOK_SECRET: 'real-webhook-secret-0123456789',
};

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
    openApiDocs: true,
    http: { headersTimeoutMs: 10_000, requestTimeoutMs: 300_000, connectionTimeoutMs: 60_000, keepAliveTimeoutMs: 10_000 },
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
    notifications: expect.objectContaining({ channels: ['mini-app', 'zbs'], fallback: 'next' }),
    operator: { apiKey: DEMO_OPERATOR_API_KEY },
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
    // Zalo notifications have their own test below.
    NOTIFY_CHANNELS: 'none',
    OPERATOR_API_KEY: 'real-operator-key-0123456789',
  };
  expect(problems({ NOTIFY_CHANNELS: 'none', OPERATOR_API_KEY: 'real-operator-key-0123456789' })).toEqual([
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

test('notifications: demo defaults pointing at Zalo, every variable read, and real secrets required in production', () => {
  expect(loadConfig({}).notifications).toEqual({
    channels: ['mini-app', 'zbs'],
    fallback: 'next',
    quietHours: { startMinute: 22 * 60, endMinute: 6 * 60 },
    miniApp: {
      apiUrl: 'https://openapi.mini.zalo.me',
      apiKey: DEMO_ZALO_MINI_APP_API_KEY,
      templateId: 'lcs-dossier-status',
      dailyLimit: 1000,
    },
    zbs: {
      apiUrl: 'https://business.openapi.zalo.me',
      oauthUrl: 'https://oauth.zaloapp.com',
      oaId: '4318652000000000001',
      accessToken: DEMO_ZALO_OA_ACCESS_TOKEN,
      refreshToken: DEMO_ZALO_OA_REFRESH_TOKEN,
      templates: { received: '410001', 'action-required': '410002', result: '410003', closed: '410004', delayed: '410005' },
    },
    webhook: { secret: DEMO_ZALO_WEBHOOK_SECRET, signingId: '1234567890123456789' },
    retry: { limit: 15, delaySeconds: 30, maxDelaySeconds: 1800 },
    receiptWaitSeconds: 600,
    sweepIntervalSeconds: 15,
    concurrency: 4,
    sendRatePerSecond: 20,
  });

  const config = loadConfig({
    ZALO_APP_ID: '987654321',
    ZALO_MINI_APP_API_URL: 'http://localhost:3002/',
    ZALO_BUSINESS_API_URL: 'http://localhost:3002',
    ZALO_OAUTH_URL: 'http://localhost:3002',
    ZALO_MINI_APP_API_KEY: 'real-mini-app-key',
    ZALO_MINI_APP_TEMPLATE_ID: 'tpl-1',
    ZALO_OA_ID: '111',
    ZALO_OA_ACCESS_TOKEN: 'access-token-1',
    ZALO_OA_REFRESH_TOKEN: 'refresh-token-1',
    ZALO_WEBHOOK_SECRET: 'real-zalo-webhook-secret',
    ZALO_ZBS_TEMPLATE_RECEIVED: '1',
    ZALO_ZBS_TEMPLATE_ACTION_REQUIRED: '2',
    ZALO_ZBS_TEMPLATE_RESULT: '3',
    ZALO_ZBS_TEMPLATE_CLOSED: '4',
    ZALO_ZBS_TEMPLATE_DELAYED: '5',
    NOTIFY_CHANNELS: 'zbs, mini-app',
    NOTIFY_FALLBACK: 'wait',
    NOTIFY_QUIET_HOURS: '21:30-07:00',
    NOTIFY_MINI_APP_DAILY_LIMIT: '50',
    NOTIFY_RETRY_LIMIT: '3',
    NOTIFY_RETRY_DELAY_SECONDS: '0.5',
    NOTIFY_RETRY_MAX_DELAY_SECONDS: '10',
    NOTIFY_RECEIPT_WAIT_SECONDS: '2',
    NOTIFY_SWEEP_INTERVAL_SECONDS: '0.5',
    NOTIFY_CONCURRENCY: '8',
    NOTIFY_SEND_RATE_PER_SECOND: '50',
    OPERATOR_API_KEY: 'operator-key-0123456789abcdef',
  });
  expect(config.notifications).toMatchObject({
    channels: ['zbs', 'mini-app'],
    fallback: 'wait',
    quietHours: { startMinute: 21 * 60 + 30, endMinute: 7 * 60 },
    miniApp: { apiUrl: 'http://localhost:3002', apiKey: 'real-mini-app-key', templateId: 'tpl-1', dailyLimit: 50 },
    zbs: { oaId: '111', accessToken: 'access-token-1', refreshToken: 'refresh-token-1', templates: { delayed: '5' } },
    // The signing id follows the app id unless set.
    webhook: { secret: 'real-zalo-webhook-secret', signingId: '987654321' },
    retry: { limit: 3, delaySeconds: 0.5, maxDelaySeconds: 10 },
    receiptWaitSeconds: 2,
    sweepIntervalSeconds: 0.5,
    concurrency: 8,
    sendRatePerSecond: 50,
  });
  expect(config.operator.apiKey).toBe('operator-key-0123456789abcdef');
  expect(loadConfig({ ZALO_WEBHOOK_SIGNING_ID: '4318652000000000001' }).notifications.webhook.signingId).toBe('4318652000000000001');
  expect(loadConfig({ NOTIFY_CHANNELS: 'none' }).notifications.channels).toEqual([]);
  expect(loadConfig({ NOTIFY_QUIET_HOURS: 'none' }).notifications.quietHours).toBeNull();
  expect(loadConfig({ NOTIFY_SEND_RATE_PER_SECOND: 'none' }).notifications.sendRatePerSecond).toBeNull();
  for (const env of [
    { NOTIFY_CHANNELS: 'sms' },
    { NOTIFY_CHANNELS: 'zbs,zbs' },
    { NOTIFY_QUIET_HOURS: '22h-6h' },
    { NOTIFY_FALLBACK: 'later' },
    { OPERATOR_API_KEY: 'short' },
    { ZALO_WEBHOOK_SECRET: 'short' },
    { NOTIFY_CONCURRENCY: '0' },
    { NOTIFY_SEND_RATE_PER_SECOND: 'fast' },
    { NOTIFY_SEND_RATE_PER_SECOND: '0' },
    // 20 sends in flight would wait up to 10 s for their turn at 2 a second.
    { NOTIFY_SEND_RATE_PER_SECOND: '2', NOTIFY_CONCURRENCY: '20' },
  ]) {
    expect(() => loadConfig(env)).toThrow(ConfigError);
  }

  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({
        ...PRODUCTION_SECRETS,
        ...env,
      });
      return [];
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => problem.split(':')[0]).sort();
    }
  };
  expect(problems({})).toEqual(
    [
      'OPERATOR_API_KEY',
      'ZALO_MINI_APP_API_KEY',
      'ZALO_MINI_APP_TEMPLATE_ID',
      'ZALO_OA_ACCESS_TOKEN',
      'ZALO_OA_ID',
      'ZALO_OA_REFRESH_TOKEN',
      'ZALO_WEBHOOK_SECRET',
      'ZALO_ZBS_TEMPLATE_ACTION_REQUIRED',
      'ZALO_ZBS_TEMPLATE_CLOSED',
      'ZALO_ZBS_TEMPLATE_DELAYED',
      'ZALO_ZBS_TEMPLATE_RECEIVED',
      'ZALO_ZBS_TEMPLATE_RESULT',
    ].sort(),
  );
  // Only the channels in use need their credentials; the demo values are refused.
  expect(problems({ NOTIFY_CHANNELS: 'mini-app', OPERATOR_API_KEY: DEMO_OPERATOR_API_KEY })).toEqual(
    ['OPERATOR_API_KEY', 'ZALO_MINI_APP_API_KEY', 'ZALO_MINI_APP_TEMPLATE_ID'].sort(),
  );
  expect(
    problems({
      NOTIFY_CHANNELS: 'mini-app',
      OPERATOR_API_KEY: 'real-operator-key-0123456789',
      ZALO_MINI_APP_API_KEY: DEMO_ZALO_MINI_APP_API_KEY,
      ZALO_MINI_APP_TEMPLATE_ID: 'tpl-1',
    }),
  ).toEqual(['ZALO_MINI_APP_API_KEY']);
  expect(
    problems({
      NOTIFY_CHANNELS: 'zbs',
      OPERATOR_API_KEY: 'real-operator-key-0123456789',
      ZALO_OA_ID: '111',
      ZALO_OA_ACCESS_TOKEN: DEMO_ZALO_OA_ACCESS_TOKEN,
      ZALO_OA_REFRESH_TOKEN: 'real-refresh-token',
      ZALO_WEBHOOK_SECRET: DEMO_ZALO_WEBHOOK_SECRET,
      ZALO_ZBS_TEMPLATE_RECEIVED: '1',
      ZALO_ZBS_TEMPLATE_ACTION_REQUIRED: '2',
      ZALO_ZBS_TEMPLATE_RESULT: '3',
      ZALO_ZBS_TEMPLATE_CLOSED: '4',
      ZALO_ZBS_TEMPLATE_DELAYED: '5',
    }),
  ).toEqual(['ZALO_OA_ACCESS_TOKEN', 'ZALO_WEBHOOK_SECRET']);
});

test('OPENAPI_DOCS: on by default outside production, off by default in production, either way when set', () => {
  const production = {
    ...PRODUCTION_SECRETS,
    NOTIFY_CHANNELS: 'none',
    OPERATOR_API_KEY: 'real-operator-key-0123456789',
  };
  expect(loadConfig({}).openApiDocs).toBe(true);
  expect(loadConfig({ OPENAPI_DOCS: 'off' }).openApiDocs).toBe(false);
  expect(loadConfig(production).openApiDocs).toBe(false);
  expect(loadConfig({ ...production, OPENAPI_DOCS: 'on' }).openApiDocs).toBe(true);
  expect(() => loadConfig({ OPENAPI_DOCS: 'yes' })).toThrow(/OPENAPI_DOCS/);
});

test('HTTP timeouts: defaults, seconds read as milliseconds, and a headers timeout within the request timeout', () => {
  expect(loadConfig({}).http).toEqual({
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 300_000,
    connectionTimeoutMs: 60_000,
    keepAliveTimeoutMs: 10_000,
  });
  expect(
    loadConfig({
      HTTP_HEADERS_TIMEOUT_SECONDS: '1.5',
      HTTP_REQUEST_TIMEOUT_SECONDS: '20',
      HTTP_CONNECTION_TIMEOUT_SECONDS: '30',
      HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: '65',
    }).http,
  ).toEqual({ headersTimeoutMs: 1500, requestTimeoutMs: 20_000, connectionTimeoutMs: 30_000, keepAliveTimeoutMs: 65_000 });
  expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '30', HTTP_REQUEST_TIMEOUT_SECONDS: '20' })).toThrow(
    /HTTP_HEADERS_TIMEOUT_SECONDS: must not exceed HTTP_REQUEST_TIMEOUT_SECONDS/,
  );
  expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/HTTP_REQUEST_TIMEOUT_SECONDS/);
});

import path from 'node:path';
import { ConfigError, DEMO_ZALO_APP_SECRET, loadConfig, REPO_ROOT } from '../src/config';

test('defaults: port 3001 on localhost, embedded database under .data/pglite, the local mini app as origin', () => {
  expect(loadConfig({})).toEqual({
    port: 3001,
    host: 'localhost',
    databaseUrl: undefined,
    dataDir: path.join(REPO_ROOT, '.data', 'pglite'),
    catalogDir: path.join(REPO_ROOT, 'data'),
    corsOrigins: ['http://localhost:3000'],
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

test('production has no insecure defaults: app id, app secret and JWT secret are required', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ NODE_ENV: 'production', ...env });
      return [];
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => problem.split(':')[0]).sort();
    }
  };
  expect(problems({})).toEqual(['JWT_SECRET', 'ZALO_APP_ID', 'ZALO_APP_SECRET']);
  expect(problems({ ZALO_APP_ID: '987654321', ZALO_APP_SECRET: DEMO_ZALO_APP_SECRET, JWT_SECRET: 's'.repeat(32) })).toEqual([
    'ZALO_APP_SECRET',
  ]);
  expect(problems({ ZALO_APP_ID: '987654321', ZALO_APP_SECRET: 'real-app-secret', JWT_SECRET: 'short' })).toEqual(['JWT_SECRET']);
  expect(problems({ ZALO_APP_ID: '987654321', ZALO_APP_SECRET: 'real-app-secret', JWT_SECRET: 's'.repeat(32) })).toEqual([]);
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

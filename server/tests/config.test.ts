import path from 'node:path';
import { ConfigError, loadConfig, REPO_ROOT } from '../src/config';

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
  });
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

// One jest run for every project: the mini app (jsdom), the shared floor (domain/), the proxy (node, PGlite; PostgreSQL too when
// TEST_DATABASE_URL is set), the sandbox, and end-to-end journeys in real Chromium.
const swc = ['@swc/jest', {
  jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
  module: { type: 'commonjs' },
}];
const transform = { '^.+\\.(t|j)sx?$': swc };
// ESM-only packages that jest must transform.
const transformIgnorePatterns = ['/node_modules/(?!(zmp-ui|zmp-sdk)/)'];

const app = {
  displayName: 'app',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests'],
  testPathIgnorePatterns: ['/tests/e2e/'],
  transform,
  transformIgnorePatterns,
  moduleNameMapper: {
    '^zmp-ui$': 'zmp-ui/cjs/index.js',
    '^zmp-ui/(.*)$': 'zmp-ui/cjs/$1',
    '^zmp-sdk$': '<rootDir>/tests/support/zmp-sdk-mock.ts',
    '^zmp-sdk/(.*)$': '<rootDir>/tests/support/zmp-sdk-mock.ts',
    '\\.(css|scss)$': '<rootDir>/tests/support/style-mock.js',
    '\\.(png|jpg|jpeg|svg|webp|woff2?)$': '<rootDir>/tests/support/file-mock.js',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts'],
};

const server = (name, setup) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: ['<rootDir>/server/tests'],
  testPathIgnorePatterns: ['/fixtures/'],
  transform: { '^.+\\.c?(t|j)sx?$': swc },
  // jest's module sandbox refuses dynamic import() (PGlite's CommonJS build loads its files that way) and
  // ESM-only packages (cookie 2, used by fastify.inject); swc turns both into require().
  transformIgnorePatterns: ['/node_modules/(?!(@electric-sql/pglite|cookie)/)'],
  setupFiles: [setup],
  setupFilesAfterEnv: ['<rootDir>/server/tests/support/timeouts.ts'],
});

const projects = [
  app,
  // The shared floor: pure rules and the API's shapes, tested without Node's built-ins in the way they run.
  { displayName: 'domain', testEnvironment: 'node', roots: ['<rootDir>/domain/tests'], transform },
  server('server', '<rootDir>/server/tests/support/use-pglite.ts'),
  {
    displayName: 'sandbox',
    testEnvironment: 'node',
    roots: ['<rootDir>/sandbox/tests'],
    transform,
  },
  {
    // Pure helpers of `npm run bench` (not the benchmarks themselves) and the demo's static server.
    displayName: 'tools',
    testEnvironment: 'node',
    roots: ['<rootDir>/bench/tests', '<rootDir>/scripts/tests'],
    transform,
  },
  {
    displayName: 'e2e',
    testEnvironment: 'node',
    roots: ['<rootDir>/tests/e2e'],
    testMatch: ['**/*.test.ts'],
    transform,
    globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
    globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
    setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/timeouts.ts'],
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push(server('server-postgres', '<rootDir>/server/tests/support/use-postgres.ts'));
}

module.exports = { projects, passWithNoTests: false };

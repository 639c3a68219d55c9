// jest setup file for the "server-postgres" project: each test file gets its own schema in TEST_DATABASE_URL.
if (!process.env.TEST_DATABASE_URL) {
  throw new Error('The server-postgres project needs TEST_DATABASE_URL, e.g. postgres://postgres:postgres@localhost:5432/lcs_test');
}
process.env.TEST_DB_KIND = 'postgres';

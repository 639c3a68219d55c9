// jest setup file for the "server" project: each test file gets an in-memory PGlite database.
process.env.TEST_DB_KIND = 'pglite';

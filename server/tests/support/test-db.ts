// A fresh, empty database for one test file: PGlite in memory, or a new schema on TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Db } from '../../src/db/db';
import { openPgliteDb } from '../../src/db/pglite-db';
import { openPostgresDb } from '../../src/db/postgres-db';

export interface TestDb {
  db: Db;
  /** Configuration this database needs, e.g. its own pg-boss schema on a shared PostgreSQL test database. */
  env: Record<string, string>;
  /** Closes the connection and, on PostgreSQL, drops the test schema. */
  drop(): Promise<void>;
  /**
   * Another connection to the same data, as a second API process has: on PostgreSQL a pool of its own on the same
   * schema (close it before drop()); PGlite can be opened by one process only, so there the same database, which
   * closing this one leaves open.
   */
  connectAgain(): Promise<Db>;
}

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDb(): Promise<TestDb> {
  if (testDbKind() === 'pglite') {
    const db = await openPgliteDb();
    return { db, env: {}, drop: () => db.close(), connectAgain: async () => ({ ...db, close: async () => undefined }) };
  }
  const connectionString = process.env.TEST_DATABASE_URL as string;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(async (client) => {
    // Extensions are database-wide: keep pg_trgm in public so dropping a test schema never drops it.
    await client.query('select pg_advisory_lock(42)');
    try {
      await client.query('create extension if not exists pg_trgm with schema public');
    } finally {
      await client.query('select pg_advisory_unlock(42)');
    }
    await client.query(`create schema ${schema}`);
  });
  // Named after the schema, so that a test can find its own connections in pg_stat_activity.
  const connect = () => openPostgresDb({ connectionString, searchPath: [schema, 'public'], max: 4, applicationName: schema });
  const db = await connect();
  const jobSchema = `${schema}_jobs`;
  return {
    db,
    env: { JOB_SCHEMA: jobSchema },
    connectAgain: connect,
    async drop() {
      await db.close();
      await withAdminClient(async (client) => {
        await client.query(`drop schema ${schema} cascade`);
        await client.query(`drop schema if exists ${jobSchema} cascade`);
      });
    },
  };
}

export interface ReopenableTestDb {
  /** Opens a new connection to the same stored data (PGlite folder or PostgreSQL schema). */
  open(): Promise<Db>;
  env: Record<string, string>;
  /** Deletes the stored data; every connection must be closed first. */
  drop(): Promise<void>;
}

/** A database that outlives its connections, for restart tests: PGlite in a temporary folder, or a schema. */
export async function createReopenableTestDb(): Promise<ReopenableTestDb> {
  if (testDbKind() === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-restart-'));
    return {
      open: () => openPgliteDb(dir),
      env: {},
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const connectionString = process.env.TEST_DATABASE_URL as string;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create schema ${schema}`));
  const jobSchema = `${schema}_jobs`;
  return {
    open: () => openPostgresDb({ connectionString, searchPath: [schema, 'public'], max: 4 }),
    env: { JOB_SCHEMA: jobSchema },
    drop: () =>
      withAdminClient(async (client) => {
        await client.query(`drop schema ${schema} cascade`);
        await client.query(`drop schema if exists ${jobSchema} cascade`);
      }),
  };
}

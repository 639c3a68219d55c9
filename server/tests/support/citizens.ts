// Signed-in citizens without going through Zalo: a citizen row and a session token issued by the app itself, as
// POST /api/v1/sessions would (sessions.test.ts covers that path against the Zalo sandbox).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../src/db/db';
import { issueSession } from '../../src/plugins/authentication';

export interface TestCitizen {
  id: string;
  auth: { authorization: string };
}

export async function createCitizen(app: FastifyInstance, db: Queryable): Promise<TestCitizen> {
  const { rows } = await db.query<{ id: string }>('insert into citizens (zalo_user_id) values ($1) returning id', [
    String(BigInt(`0x${randomBytes(7).toString('hex')}`)),
  ]);
  const { token } = issueSession(app, rows[0].id);
  return { id: rows[0].id, auth: { authorization: `Bearer ${token}` } };
}

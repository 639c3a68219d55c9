// Sessions and default-deny authentication. Every route needs `Authorization: Bearer <session token>` unless it is
// marked `config: { public: true }`: a route added without thinking about it is protected, not open. The session
// token is the proxy's own HS256 JWT whose `sub` is the citizen id (never the phone); the algorithm is pinned, so
// `alg: none` and every other algorithm are refused, and a token of a deleted citizen stops working.
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/db';
import { AppError } from '../errors';
import { citizenExists } from '../services/citizens';
import { errorResponses } from './json-schema';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answers without a session token. Only for routes that are public by design. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in citizen; set on every non-public route before its handler runs. */
    citizenId: string;
  }
  interface FastifyInstance {
    /** Every route registered after authentication (all of the API and the docs), for convention tests. */
    routeInventory: ReadonlyArray<{ method: string; url: string }>;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string };
    user: { sub: string; iat: number; exp: number };
  }
}

export const SESSION_ALGORITHM = 'HS256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function unauthenticated(): AppError {
  return new AppError(401, 'UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy mở lại ứng dụng để đăng nhập.');
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export function issueSession(app: FastifyInstance, citizenId: string): IssuedSession {
  const token = app.jwt.sign({ sub: citizenId });
  const { exp } = app.jwt.decode<{ exp: number }>(token) as { exp: number };
  return { token, expiresAt: new Date(exp * 1000) };
}

/** Adds bearer security (and its 401) to the OpenAPI description of protected routes, none to public ones. */
function documentSecurity(route: RouteOptions): void {
  const schema = route.schema as (Record<string, unknown> & { hide?: boolean }) | undefined;
  if (!schema || schema.hide) return;
  if (route.config?.public) {
    schema.security ??= [];
    return;
  }
  schema.security = [{ bearerAuth: [] }];
  schema.response = { ...errorResponses(401), ...(schema.response as object | undefined) };
}

export async function registerAuthentication(
  app: FastifyInstance,
  { db, config }: { db: Db; config: Pick<Config, 'session'> },
): Promise<void> {
  await app.register(fastifyJwt, {
    secret: config.session.jwtSecret,
    sign: { algorithm: SESSION_ALGORITHM, expiresIn: config.session.ttlSeconds },
    verify: { algorithms: [SESSION_ALGORITHM] },
  });

  const inventory: Array<{ method: string; url: string }> = [];
  app.decorate('routeInventory', inventory);
  app.decorateRequest('citizenId', '');

  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) inventory.push({ method, url: route.url });
    documentSecurity(route);
  });

  async function authenticate(request: FastifyRequest): Promise<void> {
    let subject: unknown;
    try {
      subject = (await request.jwtVerify<{ sub?: unknown }>()).sub;
    } catch {
      throw unauthenticated();
    }
    if (typeof subject !== 'string' || !UUID.test(subject) || !(await citizenExists(db, subject))) {
      throw unauthenticated();
    }
    request.citizenId = subject;
  }

  // Read at request time, so a route's config decides however the route was registered.
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404 || request.routeOptions.config.public === true) return;
    try {
      await authenticate(request);
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 401) reply.header('www-authenticate', 'Bearer');
      throw error;
    }
  });
}

// Sessions and default-deny authentication. Every route needs `Authorization: Bearer <session token>` unless it is
// marked `config: { public: true }`: a route added without thinking about it is protected, not open. The session
// token is the proxy's own HS256 JWT whose `sub` is the citizen id (never the phone); the algorithm is pinned, so
// `alg: none` and every other algorithm are refused, and a token of a deleted citizen stops working. A token must
// carry `sub`, `iat` and `exp`, live no longer than the configured session lifetime and not be issued in the future:
// a correctly signed token without an expiry (or with a ten-year one) is refused like a forged one.
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Services } from '../composition';
import { AppError } from '../errors';
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

/**
 * Whether a verified token's `iat` and `exp` describe a session this proxy could have issued: both integers,
 * `iat` not beyond the clock skew ahead of now, and `exp - iat` at most the session lifetime.
 */
export function withinSessionLifetime(iat: unknown, exp: unknown, ttlSeconds: number, nowMs: number): boolean {
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return false;
  if (iat * 1000 > nowMs + SESSION_CLOCK_SKEW_SECONDS * 1000) return false;
  return exp > iat && exp - iat <= ttlSeconds;
}

/** Verified session tokens kept in memory (a token is ~200 bytes): beyond this, the least recently used go. */
const VERIFIED_TOKENS_MAX = 20_000;
const BEARER = /^Bearer (\S+)$/i;
/** How far a token's `iat` may lie ahead of this server's clock (another API process's clock may run ahead). */
export const SESSION_CLOCK_SKEW_SECONDS = 60;
/** Claims every session token must carry; one without them is refused whatever its signature. */
const REQUIRED_CLAIMS = ['sub', 'iat', 'exp'];

export async function registerAuthentication(
  app: FastifyInstance,
  { services }: { services: Pick<Services, 'config' | 'citizens' | 'readCaches'> },
): Promise<void> {
  const { config, citizens } = services;
  await app.register(fastifyJwt, {
    secret: config.session.jwtSecret,
    sign: { algorithm: SESSION_ALGORITHM, expiresIn: config.session.ttlSeconds },
    // maxAge (milliseconds, counted from iat) also ends a token whose exp was pushed beyond the session lifetime.
    verify: { algorithms: [SESSION_ALGORITHM], requiredClaims: REQUIRED_CLAIMS, maxAge: config.session.ttlSeconds * 1000 },
  });

  const inventory: Array<{ method: string; url: string }> = [];
  app.decorate('routeInventory', inventory);
  app.decorateRequest('citizenId', '');

  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) inventory.push({ method, url: route.url });
    documentSecurity(route);
  });

  // A token's signature, algorithm and expiry are checked once; afterwards it is known by its exact string until
  // it expires (never longer). Whether its citizen still exists is a cache the database invalidates: deleting the
  // citizen NOTIFYs `citizen:<id>` (services/read-cache.ts), so the token is refused from the next request on.
  const verifiedTokens = new LRUCache<string, { sub: string; expiresAtMs: number }>({ max: VERIFIED_TOKENS_MAX });
  const existingCitizens = services.readCaches.create<true>({ keyedBy: 'citizen', max: 50_000, ttlMs: 10 * 60_000 });

  /** The citizen of a token verified before and not yet expired, whose existence is known: no await needed. */
  function knownCitizen(token: string | undefined): string | undefined {
    const known = token === undefined ? undefined : verifiedTokens.get(token);
    if (!known) return undefined;
    if (known.expiresAtMs <= Date.now()) {
      verifiedTokens.delete(token as string);
      return undefined;
    }
    return existingCitizens.peek(known.sub) ? known.sub : undefined;
  }

  async function authenticate(request: FastifyRequest, token: string | undefined): Promise<void> {
    let payload: { sub?: unknown; iat?: unknown; exp?: unknown };
    try {
      payload = await request.jwtVerify<{ sub?: unknown; iat?: unknown; exp?: unknown }>();
    } catch {
      throw unauthenticated();
    }
    const { sub: subject, iat, exp } = payload;
    if (typeof subject !== 'string' || !UUID.test(subject)) throw unauthenticated();
    if (!withinSessionLifetime(iat, exp, config.session.ttlSeconds, Date.now())) throw unauthenticated();
    const exists = await existingCitizens.get(subject, async () => ((await citizens.citizenExists(subject)) ? true : undefined));
    if (!exists) throw unauthenticated();
    if (token !== undefined && typeof exp === 'number' && exp * 1000 > Date.now()) {
      verifiedTokens.set(token, { sub: subject, expiresAtMs: exp * 1000 });
    }
    request.citizenId = subject;
  }

  // Read at request time, so a route's config decides however the route was registered. A callback hook: the
  // usual request (a known token) is answered without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.is404 || request.routeOptions.config.public === true) return done();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const citizenId = knownCitizen(token);
    if (citizenId !== undefined) {
      request.citizenId = citizenId;
      return done();
    }
    authenticate(request, token).then(
      () => done(),
      (error: unknown) => {
        if (error instanceof AppError && error.statusCode === 401) reply.header('www-authenticate', 'Bearer');
        done(error as Error);
      },
    );
  });
}

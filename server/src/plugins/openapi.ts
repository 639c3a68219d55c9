// OpenAPI document built from the route schemas, served with Swagger UI at /docs (JSON at /docs/json).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

export const TAGS = {
  health: 'health',
  procedures: 'procedures',
  offices: 'offices',
  identity: 'identity',
  applications: 'applications',
  lookup: 'lookup',
  webhooks: 'webhooks',
  notifications: 'notifications',
  admin: 'admin',
} as const;

/** The operators' key (OPERATOR_API_KEY) on /api/v1/admin/* routes. */
export const OPERATOR_KEY_HEADER = 'x-operator-key';

/**
 * Swagger UI's own CSP (@fastify/swagger-ui's `staticCSP`: its scripts and styles from /docs, with the hashes of its
 * inline ones), not framed by anyone, and without `upgrade-insecure-requests`, which would break it over plain HTTP.
 */
function swaggerUiCsp(csp: string): string {
  return csp
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(/\s*upgrade-insecure-requests;?/, '')
    .trim();
}

/**
 * @fastify/swagger is registered either way (`app.swagger()` still builds the document); Swagger UI and /docs/json
 * are served only when OPENAPI_DOCS is on (by default outside production).
 */
export async function registerOpenApi(app: FastifyInstance, config: Pick<Config, 'publicBaseUrl' | 'openApiDocs'>): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lào Cai số API',
        description:
          'The proxy between the Lào Cai số mini app and Zalo / the one-stop dossier system. ' +
          'Every error response has the shape { statusCode, code, message }.',
        version: '1',
      },
      servers: [{ url: config.publicBaseUrl }],
      tags: [
        { name: TAGS.health, description: 'Liveness and readiness probes' },
        { name: TAGS.procedures, description: 'Public catalogue of administrative procedures' },
        { name: TAGS.offices, description: 'Public directory of one-stop desks (Bộ phận một cửa)' },
        {
          name: TAGS.identity,
          description: 'Sign in with Zalo; the citizen’s own profile, verified phone and consents per purpose',
        },
        {
          name: TAGS.applications,
          description: 'Document uploads and applications, forwarded to the one-stop dossier system',
        },
        { name: TAGS.lookup, description: 'Public look-up of a dossier by receipt code and phone (rate-limited)' },
        { name: TAGS.webhooks, description: 'Signed webhooks: status changes from the one-stop system, delivery receipts from Zalo' },
        { name: TAGS.notifications, description: 'The citizen’s notifications (in-app inbox) and Zalo notification channels' },
        { name: TAGS.admin, description: 'For operators, with the X-Operator-Key header' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Session token from POST /api/v1/sessions' },
          operatorKey: { type: 'apiKey', in: 'header', name: 'X-Operator-Key', description: 'OPERATOR_API_KEY' },
        },
      },
    },
  });
  if (!config.openApiDocs) return;
  // The documentation is public by design where it is served.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, transformStaticCSP: swaggerUiCsp });
  });
}

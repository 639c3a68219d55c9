// Security headers on every answer of the proxy (issue 16, defect 7), set by @fastify/helmet in an onRequest hook,
// so that 404s, errors and CORS preflights carry them too. A route that sets its own Content-Security-Policy (the
// posters pages, Swagger UI) replaces the strict one below, which suits JSON and images.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

/** For JSON, images and PDFs: nothing may load from them, and no page may frame them. */
export const API_CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** Two years, as the HSTS preload list asks; sent only when the API is published over HTTPS. */
const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;

export async function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'publicBaseUrl'>): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
    // The mini app runs on another origin (Zalo's) and reads our answers with CORS, and shows QR images and posters
    // from here: `same-origin` would block them. CORS itself still decides which origins may read the JSON.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Browsers ignore HSTS over plain HTTP; behind HTTPS (PUBLIC_BASE_URL https://…) it is sent.
    strictTransportSecurity: config.publicBaseUrl.startsWith('https://') ? { maxAge: HSTS_MAX_AGE_SECONDS } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

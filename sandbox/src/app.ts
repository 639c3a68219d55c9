import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock } from './clock';
import { DEFAULT_ALLOWED_ORIGINS, DEFAULT_ZALO_APP_ID, DEFAULT_ZALO_APP_SECRET, type SandboxOptions } from './config';
import { useProjectErrorShape } from './errors';
import { oneStopSystem } from './one-stop';
import { zaloPlatform } from './zalo';
import { DEMO_CITIZENS } from './zalo/demo-citizens';

/**
 * The sandbox server: stand-ins for what a developer machine cannot reach. A thin composition of plugins, one per
 * simulated system (the Zalo platform, the one-stop dossier system with its officer console and status webhooks).
 */
export async function buildSandbox(options: SandboxOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // No type coercion: a Zalo id sent as a JSON number has already lost digits, so refuse it rather than
    // turn it into a wrong string.
    ajv: { customOptions: { coerceTypes: false } },
  });
  useProjectErrorShape(app);

  const now = options.now ?? systemClock;
  const allowedOrigins = options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS;

  await app.register(zaloPlatform, {
    appId: options.zalo?.appId ?? DEFAULT_ZALO_APP_ID,
    appSecret: options.zalo?.appSecret ?? DEFAULT_ZALO_APP_SECRET,
    accessTokenTtlSeconds: options.zalo?.accessTokenTtlSeconds ?? 3600,
    phoneCodeTtlSeconds: options.zalo?.phoneCodeTtlSeconds ?? 120,
    citizens: options.zalo?.citizens ?? DEMO_CITIZENS,
    now,
    allowedOrigins,
  });
  await app.register(oneStopSystem, { ...options.oneStop, now });

  return app;
}

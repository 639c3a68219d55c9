import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock } from './clock';
import { DEFAULT_ALLOWED_ORIGINS, type SandboxOptions, zaloPlatformOptions } from './config';
import { useProjectErrorShape } from './errors';
import { oneStopSystem } from './one-stop';
import { zaloPlatform } from './zalo';

/**
 * The sandbox server: stand-ins for what a developer machine cannot reach. A thin composition of plugins, one per
 * simulated system (the Zalo platform with its notifications and demo phones, the one-stop dossier system with its
 * officer console and status webhooks).
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

  await app.register(zaloPlatform, { ...zaloPlatformOptions(options.zalo), now, allowedOrigins });
  await app.register(oneStopSystem, { ...options.oneStop, now });

  return app;
}

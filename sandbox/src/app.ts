import { redactLogObject } from '@lao-cai-so/domain/log-redaction';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { systemClock } from './clock';
import { DEFAULT_ALLOWED_ORIGINS, type SandboxOptions, zaloPlatformOptions } from './config';
import { useProjectErrorShape } from './errors';
import { oneStopSystem } from './one-stop';
import { zaloPlatform } from './zalo';

/**
 * The project's one redaction list on the sandbox's logger, at every level: the proxy's one-stop token, Zalo access
 * tokens, app secret and phone tokens arrive here as headers, and @fastify/multipart logs a request's headers at trace.
 */
export function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false || logger === undefined) return false;
  const options = logger === true ? {} : logger;
  return { ...options, formatters: { ...options.formatters, log: redactLogObject, bindings: redactLogObject } };
}

/**
 * The sandbox server: stand-ins for what a developer machine cannot reach. A thin composition of plugins, one per
 * simulated system (the Zalo platform with its notifications and demo phones, the one-stop dossier system with its
 * officer console and status webhooks).
 */
export async function buildSandbox(options: SandboxOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withRedaction(options.logger ?? false),
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

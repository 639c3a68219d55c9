import type { FastifyInstance } from 'fastify';
import { buildSandbox } from './app';
import {
  DEFAULT_ONE_STOP_WEBHOOK_URL,
  DEFAULT_ZALO_WEBHOOK_URL,
  type ListenOptions,
  type SandboxOptions,
  sandboxOptionsFromEnv,
} from './config';

/** Starts the sandbox on SANDBOX_PORT (3002) at localhost; explicit options win over the environment. */
export async function startSandbox(options: SandboxOptions & ListenOptions = {}): Promise<FastifyInstance> {
  const fromEnv = sandboxOptionsFromEnv();
  const app = await buildSandbox({
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    ...fromEnv,
    ...options,
    // A started sandbox sends Zalo delivery webhooks to the demo proxy unless told otherwise.
    zalo: { zaloWebhookUrl: DEFAULT_ZALO_WEBHOOK_URL, ...fromEnv.zalo, ...options.zalo },
    // A started sandbox sends status webhooks to the demo proxy unless told otherwise.
    oneStop: { webhookUrl: DEFAULT_ONE_STOP_WEBHOOK_URL, ...fromEnv.oneStop, ...options.oneStop },
  });
  await app.listen({ port: options.port ?? fromEnv.port, host: options.host ?? fromEnv.host });
  return app;
}

if (require.main === module) {
  startSandbox().then(
    (app) => {
      const stop = () => void app.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

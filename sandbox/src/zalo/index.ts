import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import type { ZaloPlatformOptions } from '../config';
import { AccessTokenStore } from './access-tokens';
import { clientRoutes } from './client-routes';
import { controlRoutes } from './control-routes';
import { FaultInjector } from './faults';
import { graphApiRoutes } from './graph-api-routes';
import { PhoneCodeStore } from './phone-codes';

export interface ZaloPlatformPluginOptions extends ZaloPlatformOptions {
  now: Clock;
  allowedOrigins: readonly string[];
}

/**
 * The fake Zalo platform: the Graph API at the root (the proxy's Zalo base URL points here), the client stand-ins
 * the browser calls, and the control API. Later Zalo APIs (notifications) join here as further route modules.
 */
export async function zaloPlatform(app: FastifyInstance, options: ZaloPlatformPluginOptions): Promise<void> {
  const accessTokens = new AccessTokenStore(options.now, options.accessTokenTtlSeconds * 1000);
  const phoneCodes = new PhoneCodeStore(options.now, options.phoneCodeTtlSeconds * 1000);
  const citizens = new Map(options.citizens.map((citizen) => [citizen.id, citizen]));
  const faults = new FaultInjector();
  app.addHook('preClose', async () => faults.shutdown());

  await app.register(graphApiRoutes, { appSecret: options.appSecret, accessTokens, phoneCodes, citizens, faults });
  await app.register(clientRoutes, {
    prefix: '/sandbox/zalo',
    allowedOrigins: options.allowedOrigins,
    accessTokens,
    phoneCodes,
    citizens,
  });
  await app.register(controlRoutes, { prefix: '/sandbox/control/zalo', accessTokens, faults });
}

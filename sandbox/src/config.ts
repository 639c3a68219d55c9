import type { FastifyServerOptions } from 'fastify';
import type { Clock } from './clock';
import type { DemoCitizen } from './zalo/demo-citizens';

export const DEFAULT_ZALO_APP_ID = '1234567890123456789';
/** Demo-only secret: the sandbox and the proxy's demo configuration share it. Never a real app secret. */
export const DEFAULT_ZALO_APP_SECRET = 'sandbox-demo-app-secret-not-for-production';
export const DEFAULT_SANDBOX_PORT = 3002;
export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:3000'];

export interface ZaloPlatformOptions {
  /** The mini app's Zalo App ID (a string: Zalo ids do not fit in a double). */
  appId: string;
  /** The app secret: key of `appsecret_proof`, and the `secret_key` header of `/v2.0/me/info`. */
  appSecret: string;
  /** User access token lifetime; Zalo's tokens live about one hour. */
  accessTokenTtlSeconds: number;
  /** getPhoneNumber tokens are single-use and expire after 2 minutes. */
  phoneCodeTtlSeconds: number;
  citizens: readonly DemoCitizen[];
}

export interface SandboxOptions {
  zalo?: Partial<ZaloPlatformOptions>;
  /** Browser origins allowed to call the client stand-ins (`/sandbox/zalo/*`): the mini app. */
  allowedOrigins?: readonly string[];
  now?: Clock;
  logger?: FastifyServerOptions['logger'];
}

export interface ListenOptions {
  port?: number;
  host?: string;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function list(raw: string | undefined): string[] | undefined {
  if (!raw) return undefined;
  const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** Reads the sandbox's environment once at start; explicit options win over it. */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxOptions & ListenOptions {
  return {
    port: positiveInteger('SANDBOX_PORT', env.SANDBOX_PORT, DEFAULT_SANDBOX_PORT),
    host: env.SANDBOX_HOST || 'localhost',
    allowedOrigins: list(env.SANDBOX_CORS_ORIGINS) ?? list(env.CORS_ORIGINS) ?? DEFAULT_ALLOWED_ORIGINS,
    zalo: {
      appId: env.ZALO_APP_ID || DEFAULT_ZALO_APP_ID,
      appSecret: env.ZALO_APP_SECRET || DEFAULT_ZALO_APP_SECRET,
      accessTokenTtlSeconds: positiveInteger('ZALO_ACCESS_TOKEN_TTL_SECONDS', env.ZALO_ACCESS_TOKEN_TTL_SECONDS, 3600),
    },
  };
}

import type { FastifyServerOptions } from 'fastify';
import type { Clock } from './clock';
import type { OneStopCatalogue } from './one-stop/catalogue';
import { DEMO_CITIZENS, type DemoCitizen } from './zalo/demo-citizens';
import { type SendingHours, ZALO_SENDING_HOURS } from './zalo/sending-hours';

export const DEFAULT_ZALO_APP_ID = '1234567890123456789';
/** Demo-only secret: the sandbox and the proxy's demo configuration share it. Never a real app secret. */
export const DEFAULT_ZALO_APP_SECRET = 'sandbox-demo-app-secret-not-for-production';
export const DEFAULT_SANDBOX_PORT = 3002;
export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:3000'];

/** Demo-only bearer token of the one-stop API: the sandbox and the proxy's demo configuration share it. */
export const DEFAULT_ONE_STOP_API_TOKEN = 'sandbox-one-stop-demo-token-not-for-production';

/** Demo-only HMAC key of the status webhooks: the sandbox and the proxy's demo configuration share it. */
export const DEFAULT_ONE_STOP_WEBHOOK_SECRET = 'sandbox-one-stop-webhook-secret-not-for-production';
/** Where the demo proxy receives status webhooks. */
export const DEFAULT_ONE_STOP_WEBHOOK_URL = 'http://localhost:3001/api/v1/webhooks/one-stop';

/** Demo-only key of the mini app notification API (`X-Api-Key: Bearer <key>`), shared with the proxy's demo configuration. */
export const DEFAULT_ZALO_MINI_APP_API_KEY = 'sandbox-mini-app-api-key-not-for-production';
/** The demo Official Account's id (a string: Zalo ids do not fit in a double). */
export const DEFAULT_ZALO_OA_ID = '4318652000000000001';
/** Demo-only secret of the Zalo webhooks (the "OA secret key" in X-ZEvent-Signature), shared with the proxy's demo configuration. */
export const DEFAULT_ZALO_WEBHOOK_SECRET = 'sandbox-zalo-webhook-secret-not-for-production';
/** Where the demo proxy receives Zalo's webhooks (delivery receipts). */
export const DEFAULT_ZALO_WEBHOOK_URL = 'http://localhost:3001/api/v1/webhooks/zalo';

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
}

/** The OA token pair buildSandbox() accepts at start when none is given (scripts/start.ts gives a random pair per run). */
export const DEFAULT_ZALO_OA_TOKENS: Readonly<OaTokenPair> = {
  accessToken: 'sandbox-oa-access-token-initial',
  refreshToken: 'sandbox-oa-refresh-token-initial',
};

export interface OneStopOptions {
  /** `Authorization: Bearer <token>` the proxy must send to `/one-stop/api/*` (ONE_STOP_API_TOKEN). */
  apiToken: string;
  /** Accept pushed dossiers at once (status 2, receipt code, due date); false leaves them at 1 for an officer. */
  autoAccept: boolean;
  /** Procedures, offices and holidays; data/procedures.json, data/offices.json and data/holidays.json by default. */
  catalogue: OneStopCatalogue;
  /** Processing time of a procedure whose `processingTime.workingDays` is null. */
  defaultWorkingDays: number;
  /** Largest accepted document, in bytes. */
  maxDocumentBytes: number;
  /** Most documents in one push. */
  maxDocuments: number;
  /**
   * Where status webhooks go (ONE_STOP_WEBHOOK_URL). null, the default of buildSandbox(), sends none (deliveries are
   * listed as not-configured) so that tests never post into a proxy running on the machine; startSandbox() uses
   * DEFAULT_ONE_STOP_WEBHOOK_URL.
   */
  webhookUrl: string | null;
  /** HMAC-SHA256 key of X-OneStop-Signature (ONE_STOP_WEBHOOK_SECRET). */
  webhookSecret: string;
  /** Waits before each retry of a failed delivery; [1000, 5000, 30000] (4 attempts) by default. */
  webhookRetryDelaysMs: readonly number[];
  /** Per delivery attempt; 5000 by default. */
  webhookTimeoutMs: number;
  /** Clock of X-OneStop-Timestamp: real time by default, whatever the simulated clock says. */
  webhookSigningClock: Clock;
  /** Start with the drop switch on: webhooks are recorded but not sent. */
  dropWebhooks: boolean;
}

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
  /** Key of the mini app notification API, sent as `X-Api-Key: Bearer <key>` (ZALO_MINI_APP_API_KEY). */
  miniAppApiKey: string;
  /** The Official Account that sends template messages by phone (ZALO_OA_ID). */
  oaId: string;
  /** The OA token pair valid at start (ZALO_OA_ACCESS_TOKEN, ZALO_OA_REFRESH_TOKEN); the refresh token is single-use. */
  oaTokens: OaTokenPair;
  /** OA access token lifetime by the sandbox clock; 90000 (25 h) like Zalo. */
  oaAccessTokenTtlSeconds: number;
  /** Template messages by phone a day (`dailyQuota`, ZALO_ZBS_DAILY_QUOTA); `remainingQuota` starts there each local day. */
  dailyQuota: number;
  /** Mini app notifications a day for the whole app (ZALO_MINI_APP_DAILY_LIMIT); 1,000 like Zalo. */
  miniAppDailyLimit: number;
  /**
   * Requests a second per app on each send endpoint (mini app notifications, template messages by phone), over which
   * Zalo answers -32 (ZALO_SEND_RATE_PER_SECOND; `none` or 0: no limit). Zalo does not publish the figure
   * [unconfirmed]: startSandbox() uses DEFAULT_ZALO_SEND_RATE_PER_SECOND, buildSandbox() none (hand-driven clocks).
   */
  sendRatePerSecond: number | null;
  /**
   * Local hours in which sends go out, else -133 (ZALO_SENDING_HOURS, e.g. "6-22"); Zalo's 06:00–22:00 by default.
   * `{ from: 0, until: 24 }` lets an end-to-end run on the real clock pass at night.
   */
  sendingHours: SendingHours;
  /** Real-time wait between a template message by phone and its delivery webhook. */
  deliveryDelayMs: number;
  /**
   * Where delivery webhooks go (ZALO_WEBHOOK_URL). null, the default of buildSandbox(), sends none (deliveries are
   * listed as not-configured); startSandbox() uses DEFAULT_ZALO_WEBHOOK_URL.
   */
  zaloWebhookUrl: string | null;
  /** The secret in X-ZEvent-Signature (ZALO_WEBHOOK_SECRET). */
  zaloWebhookSecret: string;
  /** The id in X-ZEvent-Signature (ZALO_WEBHOOK_SIGNING_ID); the app id by default. */
  webhookSigningId: string;
  /** Waits before each retry of a failed delivery webhook; 30 s, 1, 5, 15, 30 and 60 min by default. */
  zaloWebhookRetryDelaysMs: readonly number[];
  /** Per delivery attempt; 5000 by default. */
  zaloWebhookTimeoutMs: number;
  /** Start with the drop switch on: delivery webhooks are recorded but not sent. */
  dropZaloWebhooks: boolean;
}

/** Every Zalo option, the given ones over the defaults. */
export function zaloPlatformOptions(given: Partial<ZaloPlatformOptions> = {}): ZaloPlatformOptions {
  const appId = given.appId ?? DEFAULT_ZALO_APP_ID;
  return {
    appSecret: DEFAULT_ZALO_APP_SECRET,
    accessTokenTtlSeconds: 3600,
    phoneCodeTtlSeconds: 120,
    citizens: DEMO_CITIZENS,
    miniAppApiKey: DEFAULT_ZALO_MINI_APP_API_KEY,
    oaId: DEFAULT_ZALO_OA_ID,
    oaTokens: DEFAULT_ZALO_OA_TOKENS,
    oaAccessTokenTtlSeconds: 90_000,
    dailyQuota: 500,
    miniAppDailyLimit: 1000,
    sendRatePerSecond: null,
    sendingHours: ZALO_SENDING_HOURS,
    deliveryDelayMs: 100,
    zaloWebhookUrl: null,
    zaloWebhookSecret: DEFAULT_ZALO_WEBHOOK_SECRET,
    webhookSigningId: appId,
    zaloWebhookRetryDelaysMs: [30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000],
    zaloWebhookTimeoutMs: 5000,
    dropZaloWebhooks: false,
    ...withoutUndefined(given),
    appId,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

export interface SandboxOptions {
  zalo?: Partial<ZaloPlatformOptions>;
  oneStop?: Partial<OneStopOptions>;
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

function flag(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  return raw;
}

/**
 * One-stop options set in the environment; the plugin's defaults fill the rest. (startSandbox() adds the demo
 * webhook target, DEFAULT_ONE_STOP_WEBHOOK_URL, when ONE_STOP_WEBHOOK_URL is unset.)
 */
function oneStopFromEnv(env: NodeJS.ProcessEnv): Partial<OneStopOptions> | undefined {
  const options: Partial<OneStopOptions> = {};
  if (env.ONE_STOP_WEBHOOK_URL) options.webhookUrl = httpUrl('ONE_STOP_WEBHOOK_URL', env.ONE_STOP_WEBHOOK_URL);
  if (env.ONE_STOP_API_TOKEN) options.apiToken = env.ONE_STOP_API_TOKEN;
  if (env.ONE_STOP_WEBHOOK_SECRET) options.webhookSecret = env.ONE_STOP_WEBHOOK_SECRET;
  const autoAccept = flag('ONE_STOP_AUTO_ACCEPT', env.ONE_STOP_AUTO_ACCEPT);
  if (autoAccept !== undefined) options.autoAccept = autoAccept;
  return Object.keys(options).length > 0 ? options : undefined;
}

function sendingHours(raw: string | undefined): SendingHours | undefined {
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
  const from = Number(match?.[1]);
  const until = Number(match?.[2]);
  if (!match || from >= until || until > 24) {
    throw new Error(`ZALO_SENDING_HOURS must be "<from>-<until>" in local hours, 0 ≤ from < until ≤ 24, got "${raw}"`);
  }
  return { from, until };
}

/** The demo's per-app send rate: an assumption, Zalo does not publish its figure [unconfirmed]. */
export const DEFAULT_ZALO_SEND_RATE_PER_SECOND = 20;

function sendRatePerSecond(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return DEFAULT_ZALO_SEND_RATE_PER_SECOND;
  if (raw.trim() === 'none') return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`ZALO_SEND_RATE_PER_SECOND must be a non-negative number or "none", got "${raw}"`);
  return value === 0 ? null : value;
}

function nonNegativeInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/**
 * Zalo notification options set in the environment, under the same names as the proxy's configuration where both
 * must agree (scripts/start.ts sets them once for both). startSandbox() adds DEFAULT_ZALO_WEBHOOK_URL when
 * ZALO_WEBHOOK_URL is unset.
 */
function zaloNotificationsFromEnv(env: NodeJS.ProcessEnv): Partial<ZaloPlatformOptions> {
  const options: Partial<ZaloPlatformOptions> = {};
  if (env.ZALO_MINI_APP_API_KEY) options.miniAppApiKey = env.ZALO_MINI_APP_API_KEY;
  if (env.ZALO_OA_ID) options.oaId = env.ZALO_OA_ID;
  const accessToken = env.ZALO_OA_ACCESS_TOKEN;
  const refreshToken = env.ZALO_OA_REFRESH_TOKEN;
  if (accessToken && refreshToken) options.oaTokens = { accessToken, refreshToken };
  else if (accessToken || refreshToken) throw new Error('ZALO_OA_ACCESS_TOKEN and ZALO_OA_REFRESH_TOKEN must be set together');
  if (env.ZALO_WEBHOOK_URL) options.zaloWebhookUrl = httpUrl('ZALO_WEBHOOK_URL', env.ZALO_WEBHOOK_URL);
  if (env.ZALO_WEBHOOK_SECRET) options.zaloWebhookSecret = env.ZALO_WEBHOOK_SECRET;
  if (env.ZALO_WEBHOOK_SIGNING_ID) options.webhookSigningId = env.ZALO_WEBHOOK_SIGNING_ID;
  const dailyQuota = nonNegativeInteger('ZALO_ZBS_DAILY_QUOTA', env.ZALO_ZBS_DAILY_QUOTA);
  if (dailyQuota !== undefined) options.dailyQuota = dailyQuota;
  const miniAppDailyLimit = nonNegativeInteger('ZALO_MINI_APP_DAILY_LIMIT', env.ZALO_MINI_APP_DAILY_LIMIT);
  if (miniAppDailyLimit !== undefined) options.miniAppDailyLimit = miniAppDailyLimit;
  options.sendRatePerSecond = sendRatePerSecond(env.ZALO_SEND_RATE_PER_SECOND);
  const hours = sendingHours(env.ZALO_SENDING_HOURS);
  if (hours !== undefined) options.sendingHours = hours;
  return options;
}

function list(raw: string | undefined): string[] | undefined {
  if (!raw) return undefined;
  const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** Reads the sandbox's environment once at start; explicit options win over it. */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxOptions & ListenOptions {
  const oneStop = oneStopFromEnv(env);
  return {
    ...(oneStop ? { oneStop } : {}),
    port: positiveInteger('SANDBOX_PORT', env.SANDBOX_PORT, DEFAULT_SANDBOX_PORT),
    host: env.SANDBOX_HOST || 'localhost',
    allowedOrigins: list(env.SANDBOX_CORS_ORIGINS) ?? list(env.CORS_ORIGINS) ?? DEFAULT_ALLOWED_ORIGINS,
    zalo: {
      appId: env.ZALO_APP_ID || DEFAULT_ZALO_APP_ID,
      appSecret: env.ZALO_APP_SECRET || DEFAULT_ZALO_APP_SECRET,
      accessTokenTtlSeconds: positiveInteger('ZALO_ACCESS_TOKEN_TTL_SECONDS', env.ZALO_ACCESS_TOKEN_TTL_SECONDS, 3600),
      ...zaloNotificationsFromEnv(env),
    },
  };
}

// The proxy's configuration, read from the environment and validated once at start.
// To add a setting: add its variable to `environmentSchema` and map it in the `transform` below.
// Relative folders are resolved against the repository root, whatever the working directory.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { parseQuietHours, type QuietHours, ZALO_CHANNELS, type ZaloChannel } from '@lao-cai-so/domain/notifications';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** The sandbox's demo app secret (sandbox/README.md): the default outside production, refused in production. */
export const DEMO_ZALO_APP_SECRET = 'sandbox-demo-app-secret-not-for-production';
export const DEMO_ZALO_APP_ID = '1234567890123456789';
/** Outside production an unset JWT_SECRET gets a random key for this process: sessions end with the process. */
const PROCESS_JWT_SECRET = randomBytes(32).toString('base64url');
/** The sandbox's demo one-stop API token (sandbox/README.md): the default outside production, refused in production. */
export const DEMO_ONE_STOP_API_TOKEN = 'sandbox-one-stop-demo-token-not-for-production';
/** The sandbox's demo webhook HMAC key (sandbox/README.md): the default outside production, refused in production. */
export const DEMO_ONE_STOP_WEBHOOK_SECRET = 'sandbox-one-stop-webhook-secret-not-for-production';
/** The sandbox's demo notification settings (sandbox/README.md, "Zalo notifications"): defaults outside production. */
export const DEMO_ZALO_MINI_APP_API_KEY = 'sandbox-mini-app-api-key-not-for-production';
export const DEMO_ZALO_OA_ID = '4318652000000000001';
export const DEMO_ZALO_WEBHOOK_SECRET = 'sandbox-zalo-webhook-secret-not-for-production';
/** The OA token pair a sandbox built without options starts with; `npm start` gives both sides a random pair. */
export const DEMO_ZALO_OA_ACCESS_TOKEN = 'sandbox-oa-access-token-initial';
export const DEMO_ZALO_OA_REFRESH_TOKEN = 'sandbox-oa-refresh-token-initial';
export const DEMO_ZALO_MINI_APP_TEMPLATE_ID = 'lcs-dossier-status';
/** ZBS template ids per status class outside production (the sandbox approves every id unless told otherwise). */
export const DEMO_ZBS_TEMPLATE_IDS = {
  received: '410001',
  'action-required': '410002',
  result: '410003',
  closed: '410004',
  delayed: '410005',
} as const;
export const DEMO_OPERATOR_API_KEY = 'demo-operator-key-not-for-production';
/** Settings that must be given explicitly when NODE_ENV=production. */
const REQUIRED_IN_PRODUCTION = [
  'ZALO_APP_ID',
  'ZALO_APP_SECRET',
  'JWT_SECRET',
  'ONE_STOP_BASE_URL',
  'ONE_STOP_API_TOKEN',
  'ONE_STOP_WEBHOOK_SECRET',
] as const;
const MEGABYTE = 1024 * 1024;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = z.url({ protocol: /^https?$/ });
/**
 * pg-boss schedules by cron, one minute at the finest: a poll interval is a whole number of minutes dividing an
 * hour, or of hours dividing a day, so that the cron expression fires at even intervals.
 */
export function pollCron(seconds: number): string | null {
  if (seconds % 60 !== 0) return null;
  const minutes = seconds / 60;
  if (minutes >= 1 && minutes < 60 && 60 % minutes === 0) return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
  if (minutes % 60 !== 0) return null;
  const hours = minutes / 60;
  if (hours >= 1 && hours <= 24 && 24 % hours === 0) return hours === 24 ? '0 0 * * *' : `0 */${hours} * * *`;
  return null;
}

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL');

const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(httpUrl.transform((origin) => origin.replace(/\/$/, ''))));

// ---- Notifications (issue 6; server/README.md "Notifications") ----

const zaloChannelList = z
  .string()
  .transform((value) => (value.trim() === 'none' ? [] : value.split(',').map((item) => item.trim()).filter(Boolean)))
  .pipe(z.array(z.enum(ZALO_CHANNELS)))
  .refine((channels) => new Set(channels).size === channels.length, 'lists a channel twice');

const seconds = (min: number, max: number) => z.coerce.number().min(min).max(max);

const notificationEnvironment = {
  ZALO_MINI_APP_API_URL: httpUrl.default('https://openapi.mini.zalo.me'),
  ZALO_BUSINESS_API_URL: httpUrl.default('https://business.openapi.zalo.me'),
  ZALO_OAUTH_URL: httpUrl.default('https://oauth.zaloapp.com'),
  ZALO_MINI_APP_API_KEY: z.string().min(8).optional(),
  ZALO_MINI_APP_TEMPLATE_ID: z.string().min(1).max(100).optional(),
  ZALO_OA_ID: z.string().regex(/^\d{1,30}$/, 'must be the numeric OA id').optional(),
  ZALO_OA_ACCESS_TOKEN: z.string().min(8).optional(),
  ZALO_OA_REFRESH_TOKEN: z.string().min(8).optional(),
  ZALO_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  ZALO_WEBHOOK_SIGNING_ID: z.string().min(1).max(100).optional(),
  ZALO_ZBS_TEMPLATE_RECEIVED: z.string().min(1).max(50).optional(),
  ZALO_ZBS_TEMPLATE_ACTION_REQUIRED: z.string().min(1).max(50).optional(),
  ZALO_ZBS_TEMPLATE_RESULT: z.string().min(1).max(50).optional(),
  ZALO_ZBS_TEMPLATE_CLOSED: z.string().min(1).max(50).optional(),
  ZALO_ZBS_TEMPLATE_DELAYED: z.string().min(1).max(50).optional(),
  NOTIFY_CHANNELS: zaloChannelList.default(['mini-app', 'zbs']),
  NOTIFY_FALLBACK: z.enum(['next', 'wait']).default('next'),
  NOTIFY_QUIET_HOURS: z
    .string()
    .refine(
      (value) => value === 'none' || parseQuietHours(value) !== null,
      'must be HH:MM-HH:MM in Vietnam time, e.g. 22:00-06:00, or none',
    )
    .default('22:00-06:00'),
  NOTIFY_MINI_APP_DAILY_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  NOTIFY_RETRY_LIMIT: z.coerce.number().int().min(0).max(100).default(15),
  NOTIFY_RETRY_DELAY_SECONDS: seconds(0.05, 3600).default(30),
  NOTIFY_RETRY_MAX_DELAY_SECONDS: seconds(0.05, 86400).default(1800),
  NOTIFY_RECEIPT_WAIT_SECONDS: seconds(0.1, 86400).default(600),
  NOTIFY_SWEEP_INTERVAL_SECONDS: seconds(0.1, 3600).default(15),
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  // Zalo answers -32 over a request rate it does not publish: set this to what Zalo grants your OA/app (20: our
  // assumption, as the sandbox's demo default). Per channel and worker process; `none`: no pacing.
  NOTIFY_SEND_RATE_PER_SECOND: z.union([z.literal('none'), z.coerce.number().min(1).max(10_000)]).default(20),
  OPERATOR_API_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
};

type NotificationEnvironment = z.output<z.ZodObject<typeof notificationEnvironment>> & {
  NODE_ENV?: string;
  ZALO_APP_ID?: string;
};

/** Production has no demo secrets: each Zalo channel in use needs its real credentials and templates. */
function checkNotificationsInProduction(env: NotificationEnvironment, context: z.RefinementCtx): void {
  const require = (name: keyof NotificationEnvironment) => {
    if (env[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: 'required when NODE_ENV=production' });
  };
  const refuse = (name: keyof NotificationEnvironment, demo: string) => {
    if (env[name] === demo) context.addIssue({ code: 'custom', path: [name], message: 'the sandbox demo value is refused in production' });
  };
  require('OPERATOR_API_KEY');
  refuse('OPERATOR_API_KEY', DEMO_OPERATOR_API_KEY);
  if (env.NOTIFY_CHANNELS.includes('mini-app')) {
    require('ZALO_MINI_APP_API_KEY');
    require('ZALO_MINI_APP_TEMPLATE_ID');
    refuse('ZALO_MINI_APP_API_KEY', DEMO_ZALO_MINI_APP_API_KEY);
  }
  if (env.NOTIFY_CHANNELS.includes('zbs')) {
    for (const name of [
      'ZALO_OA_ID',
      'ZALO_OA_ACCESS_TOKEN',
      'ZALO_OA_REFRESH_TOKEN',
      'ZALO_WEBHOOK_SECRET',
      'ZALO_ZBS_TEMPLATE_RECEIVED',
      'ZALO_ZBS_TEMPLATE_ACTION_REQUIRED',
      'ZALO_ZBS_TEMPLATE_RESULT',
      'ZALO_ZBS_TEMPLATE_CLOSED',
      'ZALO_ZBS_TEMPLATE_DELAYED',
    ] as const) {
      require(name);
    }
    refuse('ZALO_WEBHOOK_SECRET', DEMO_ZALO_WEBHOOK_SECRET);
    refuse('ZALO_OA_ACCESS_TOKEN', DEMO_ZALO_OA_ACCESS_TOKEN);
    refuse('ZALO_OA_REFRESH_TOKEN', DEMO_ZALO_OA_REFRESH_TOKEN);
  }
}

function notificationSettings(env: NotificationEnvironment) {
  const trim = (url: string) => url.replace(/\/$/, '');
  return {
    /** The Zalo channels in use, in order: with fallback `next`, a message one cannot deliver goes on the next. */
    channels: env.NOTIFY_CHANNELS as ZaloChannel[],
    /** `next`: a mini app message stopped by a limit gives way to the event's message on a later channel, if any; `wait`: it waits. */
    fallback: env.NOTIFY_FALLBACK,
    /** Nothing is sent in these hours (Vietnam time); null (`none`): no quiet hours of our own (Zalo keeps its). */
    quietHours: env.NOTIFY_QUIET_HOURS === 'none' ? null : (parseQuietHours(env.NOTIFY_QUIET_HOURS) as QuietHours),
    miniApp: {
      /** https://openapi.mini.zalo.me; the sandbox in the demo and tests. */
      apiUrl: trim(env.ZALO_MINI_APP_API_URL),
      apiKey: env.ZALO_MINI_APP_API_KEY ?? DEMO_ZALO_MINI_APP_API_KEY,
      templateId: env.ZALO_MINI_APP_TEMPLATE_ID ?? DEMO_ZALO_MINI_APP_TEMPLATE_ID,
      /** Zalo's limit per app and day (1,000). */
      dailyLimit: env.NOTIFY_MINI_APP_DAILY_LIMIT,
    },
    zbs: {
      /** https://business.openapi.zalo.me; the sandbox in the demo and tests. */
      apiUrl: trim(env.ZALO_BUSINESS_API_URL),
      /** https://oauth.zaloapp.com (OA token refresh); the sandbox in the demo and tests. */
      oauthUrl: trim(env.ZALO_OAUTH_URL),
      oaId: env.ZALO_OA_ID ?? DEMO_ZALO_OA_ID,
      /** The pair to start from; stored in the database, which keeps the refreshed pairs (services/zalo-oa-tokens.ts). */
      accessToken: env.ZALO_OA_ACCESS_TOKEN ?? DEMO_ZALO_OA_ACCESS_TOKEN,
      refreshToken: env.ZALO_OA_REFRESH_TOKEN ?? DEMO_ZALO_OA_REFRESH_TOKEN,
      templates: {
        received: env.ZALO_ZBS_TEMPLATE_RECEIVED ?? DEMO_ZBS_TEMPLATE_IDS.received,
        'action-required': env.ZALO_ZBS_TEMPLATE_ACTION_REQUIRED ?? DEMO_ZBS_TEMPLATE_IDS['action-required'],
        result: env.ZALO_ZBS_TEMPLATE_RESULT ?? DEMO_ZBS_TEMPLATE_IDS.result,
        closed: env.ZALO_ZBS_TEMPLATE_CLOSED ?? DEMO_ZBS_TEMPLATE_IDS.closed,
        delayed: env.ZALO_ZBS_TEMPLATE_DELAYED ?? DEMO_ZBS_TEMPLATE_IDS.delayed,
      },
    },
    webhook: {
      /** The secret of X-ZEvent-Signature (the reference leaves open whether it is the OA secret or the app secret). */
      secret: env.ZALO_WEBHOOK_SECRET ?? DEMO_ZALO_WEBHOOK_SECRET,
      /** The id the signature starts with: the app id unless set (or the OA id, as the reference leaves open). */
      signingId: env.ZALO_WEBHOOK_SIGNING_ID ?? env.ZALO_APP_ID ?? DEMO_ZALO_APP_ID,
    },
    retry: {
      /** Attempts for transient failures before the row is a technical failure. */
      limit: env.NOTIFY_RETRY_LIMIT,
      /** The n-th retry waits delay · 2^(n−1), at most maxDelay, between half and all of it (jitter). */
      delaySeconds: env.NOTIFY_RETRY_DELAY_SECONDS,
      maxDelaySeconds: env.NOTIFY_RETRY_MAX_DELAY_SECONDS,
    },
    /** After a send whose outcome is unknown (timeout, dropped connection, worker died), how long to wait for ZBS's receipt. */
    receiptWaitSeconds: env.NOTIFY_RECEIPT_WAIT_SECONDS,
    /** How often each worker looks for messages that are due (retries, the end of quiet hours, the next day). */
    sweepIntervalSeconds: env.NOTIFY_SWEEP_INTERVAL_SECONDS,
    /** Messages one worker process sends at a time (each claimed in its own transaction: never one row twice). */
    concurrency: env.NOTIFY_CONCURRENCY,
    /** Calls to each channel's send endpoint a second, for this worker process (services/notification-delivery/send-pacer.ts); null: unpaced. */
    sendRatePerSecond: env.NOTIFY_SEND_RATE_PER_SECOND === 'none' ? null : env.NOTIFY_SEND_RATE_PER_SECOND,
  };
}

const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    HOST: z.string().min(1).default('localhost'),
    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data', 'pglite')),
    CATALOG_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'data')),
    CORS_ORIGINS: originList.default(['http://localhost:3000']),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    PUBLIC_BASE_URL: httpUrl.optional(),
    NODE_ENV: z.string().optional(),
    ZALO_GRAPH_URL: httpUrl.default('https://graph.zalo.me'),
    ZALO_APP_ID: z.string().regex(/^\d{1,30}$/, 'must be the numeric Zalo App ID').optional(),
    ZALO_APP_SECRET: z.string().min(8).optional(),
    ZALO_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
    ZALO_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(1800),
    ONE_STOP_BASE_URL: httpUrl.optional(),
    ONE_STOP_API_TOKEN: z.string().min(8).optional(),
    ONE_STOP_TIMEOUT_MS: z.coerce.number().int().min(100).max(300000).default(30000),
    ONE_STOP_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    STATUS_POLL_INTERVAL_SECONDS: z.coerce
      .number()
      .int()
      .refine((seconds) => pollCron(seconds) !== null, 'must be 60–3600 seconds dividing an hour, or whole hours dividing a day')
      .default(300),
    STATUS_POLL_STALE_AFTER_SECONDS: z.coerce.number().int().min(0).max(7 * 86400).optional(),
    STATUS_POLL_BATCH_SIZE: z.coerce.number().int().min(1).max(10000).default(200),
    LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(10),
    TRUST_PROXY: booleanFlag.default(false),
    HOLIDAYS_FILE: z.string().min(1).default(path.join(REPO_ROOT, 'data', 'holidays.json')),
    UPLOAD_MAX_FILE_BYTES: z.coerce.number().int().min(1024).default(10 * MEGABYTE),
    UPLOAD_MAX_APPLICATION_BYTES: z.coerce.number().int().min(1024).default(30 * MEGABYTE),
    UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(100).default(20),
    FORWARD_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(12),
    FORWARD_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    JOB_POLLING_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    JOB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lowercase SQL identifier').default('pgboss'),
    OPENAPI_DOCS: z.enum(['on', 'off']).optional(),
    // HTTP timeouts (server/README.md, "Configuration"): why these defaults is written there.
    HTTP_HEADERS_TIMEOUT_SECONDS: seconds(0.5, 120).default(10),
    HTTP_REQUEST_TIMEOUT_SECONDS: seconds(1, 3600).default(300),
    HTTP_CONNECTION_TIMEOUT_SECONDS: seconds(1, 3600).default(60),
    HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: seconds(1, 600).default(10),
    ...notificationEnvironment,
  })
  .superRefine((env, context) => {
    // Node refuses a headers timeout longer than the whole request's.
    if (env.HTTP_HEADERS_TIMEOUT_SECONDS > env.HTTP_REQUEST_TIMEOUT_SECONDS) {
      context.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_SECONDS'], message: 'must not exceed HTTP_REQUEST_TIMEOUT_SECONDS' });
    }
    // A claimed message waits for its send slot inside its lease: at most NOTIFY_CONCURRENCY slots ahead of it.
    if (env.NOTIFY_SEND_RATE_PER_SECOND !== 'none' && env.NOTIFY_CONCURRENCY / env.NOTIFY_SEND_RATE_PER_SECOND > 5) {
      context.addIssue({
        code: 'custom',
        path: ['NOTIFY_CONCURRENCY'],
        message: 'at most 5 seconds of NOTIFY_SEND_RATE_PER_SECOND: more sends in flight would only wait for their turn',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (env[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: 'required when NODE_ENV=production' });
    }
    if (env.ZALO_APP_SECRET === DEMO_ZALO_APP_SECRET) {
      context.addIssue({ code: 'custom', path: ['ZALO_APP_SECRET'], message: 'the sandbox demo secret is refused in production' });
    }
    if (env.ONE_STOP_API_TOKEN === DEMO_ONE_STOP_API_TOKEN) {
      context.addIssue({ code: 'custom', path: ['ONE_STOP_API_TOKEN'], message: 'the sandbox demo token is refused in production' });
    }
    if (env.ONE_STOP_WEBHOOK_SECRET === DEMO_ONE_STOP_WEBHOOK_SECRET) {
      context.addIssue({ code: 'custom', path: ['ONE_STOP_WEBHOOK_SECRET'], message: 'the sandbox demo secret is refused in production' });
    }
    checkNotificationsInProduction(env, context);
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    /** PostgreSQL when set; the embedded PGlite database in `dataDir` otherwise. */
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(REPO_ROOT, env.DATA_DIR),
    /** Folder holding offices.json and procedures.json (data/README.md). */
    catalogDir: path.resolve(REPO_ROOT, env.CATALOG_DIR),
    corsOrigins: env.CORS_ORIGINS,
    /** Behind a reverse proxy: take the client address from X-Forwarded-For (the lookup's rate limit counts per address). */
    trustProxy: env.TRUST_PROXY,
    /** data/holidays.json: the working calendar of due dates and "working days left". */
    holidaysFile: path.resolve(REPO_ROOT, env.HOLIDAYS_FILE),
    logLevel: env.LOG_LEVEL,
    /** Swagger UI at /docs and the OpenAPI document at /docs/json: on by default outside production only. */
    openApiDocs: env.OPENAPI_DOCS === undefined ? env.NODE_ENV !== 'production' : env.OPENAPI_DOCS === 'on',
    http: {
      /** Until the request line and every header have arrived (slow headers: slowloris). */
      headersTimeoutMs: Math.round(env.HTTP_HEADERS_TIMEOUT_SECONDS * 1000),
      /** Until the whole request, body included, has arrived: a 10 MB photo over weak 3G (~400 kbit/s) takes ~200 s. */
      requestTimeoutMs: Math.round(env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000),
      /** A socket with nothing sent either way for this long is closed (also while a handler works: keep above it). */
      connectionTimeoutMs: Math.round(env.HTTP_CONNECTION_TIMEOUT_SECONDS * 1000),
      /** An idle keep-alive connection between two requests is closed after this. */
      keepAliveTimeoutMs: Math.round(env.HTTP_KEEP_ALIVE_TIMEOUT_SECONDS * 1000),
    },
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/$/, ''),
    zalo: {
      /** https://graph.zalo.me in production; the sandbox (http://localhost:3002) in the demo and tests. */
      graphUrl: env.ZALO_GRAPH_URL.replace(/\/$/, ''),
      appId: env.ZALO_APP_ID ?? DEMO_ZALO_APP_ID,
      appSecret: env.ZALO_APP_SECRET ?? DEMO_ZALO_APP_SECRET,
      timeoutMs: env.ZALO_TIMEOUT_MS,
      retries: env.ZALO_RETRIES,
    },
    session: {
      /** HS256 key of the proxy's own session tokens. */
      jwtSecret: env.JWT_SECRET ?? PROCESS_JWT_SECRET,
      ttlSeconds: env.SESSION_TTL_SECONDS,
    },
    oneStop: {
      /** The provincial one-stop system's integration API; the sandbox (http://localhost:3002) in the demo and tests. */
      baseUrl: (env.ONE_STOP_BASE_URL ?? 'http://localhost:3002').replace(/\/$/, ''),
      apiToken: env.ONE_STOP_API_TOKEN ?? DEMO_ONE_STOP_API_TOKEN,
      timeoutMs: env.ONE_STOP_TIMEOUT_MS,
      /** HMAC-SHA256 key of the status webhooks (X-OneStop-Signature). */
      webhookSecret: env.ONE_STOP_WEBHOOK_SECRET ?? DEMO_ONE_STOP_WEBHOOK_SECRET,
    },
    statusPoll: {
      /** How often the worker looks for dossiers to poll (a pg-boss cron schedule). */
      intervalSeconds: env.STATUS_POLL_INTERVAL_SECONDS,
      cron: pollCron(env.STATUS_POLL_INTERVAL_SECONDS) as string,
      /** A non-terminal dossier not heard of (webhook or poll) for this long is asked for; the interval by default. */
      staleAfterSeconds: env.STATUS_POLL_STALE_AFTER_SECONDS ?? env.STATUS_POLL_INTERVAL_SECONDS,
      /** Most dossiers asked for in one run (the oldest first). */
      batchSize: env.STATUS_POLL_BATCH_SIZE,
    },
    lookup: {
      /** Public look-ups per client address and minute. */
      rateLimitPerMinute: env.LOOKUP_RATE_LIMIT_PER_MINUTE,
    },
    uploads: {
      maxFileBytes: env.UPLOAD_MAX_FILE_BYTES,
      maxApplicationBytes: env.UPLOAD_MAX_APPLICATION_BYTES,
      maxFiles: env.UPLOAD_MAX_FILES,
    },
    jobs: {
      /** PostgreSQL schema of pg-boss's tables (one per test file on a shared test database). */
      schema: env.JOB_SCHEMA,
      pollingIntervalSeconds: env.JOB_POLLING_INTERVAL_SECONDS,
      /** Forwarding retries: retryDelay · 2^n / 2 · (1 + random) seconds after the n-th failure (pg-boss backoff). */
      forwardRetryLimit: env.FORWARD_RETRY_LIMIT,
      forwardRetryDelaySeconds: env.FORWARD_RETRY_DELAY_SECONDS,
    },
    notifications: notificationSettings(env),
    operator: {
      /** X-Operator-Key of GET /api/v1/admin/notifications/stats. */
      apiKey: env.OPERATOR_API_KEY ?? DEMO_OPERATOR_API_KEY,
    },
  }));

export type Config = z.output<typeof environmentSchema>;
export type LogLevel = Config['logLevel'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws a ConfigError naming every bad variable. Empty values count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

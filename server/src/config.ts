// The proxy's configuration, read from the environment and validated once at start.
// To add a setting: add its variable to `environmentSchema` and map it in the `transform` below.
// Relative folders are resolved against the repository root, whatever the working directory.
import path from 'node:path';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(__dirname, '../..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = z.url({ protocol: /^https?$/ });
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL');

const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(httpUrl.transform((origin) => origin.replace(/\/$/, ''))));

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
    logLevel: env.LOG_LEVEL,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/$/, ''),
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

// The proxy and the sandbox on localhost, each in its own process, over a fresh database: the proxy through
// server/src/main.ts (on PGlite it runs its worker in-process, as in production on PGlite; on PostgreSQL the worker
// is server/src/worker.ts in a third process, as deployed), the sandbox through startSandbox(). Citizens sign in
// through the real path: the sandbox's Zalo login stand-in, then POST /api/v1/sessions.
import type { Db } from '../../server/src/db/db';
import type { DatabaseTarget, FreshDatabase } from './database';
import { freePort, makeTempDir, type RunningProcess, startTsProcess, waitUntilAnswering } from './processes';

export interface BackendOptions {
  /** JSON-serialisable options for startSandbox() (bench/processes/sandbox.ts). */
  sandboxOptions?: Record<string, unknown>;
  /** Extra sandbox environment. */
  sandboxEnv?: Record<string, string>;
  /** Extra proxy (and worker) environment. */
  proxyEnv?: Record<string, string>;
  /** Proxy log level; `info` (the deployed default: one line per request) unless told. */
  logLevel?: string;
  /** Node flags for the proxy process, e.g. ['--cpu-prof', '--cpu-prof-dir=…'] (BENCH_PROFILE_DIR sets these). */
  proxyNodeArgs?: string[];
}

export interface Backend {
  apiUrl: string;
  sandboxUrl: string;
  database: DatabaseTarget;
  processes: RunningProcess[];
  /** The demo citizens' Zalo ids, in the sandbox's order. */
  citizenIds(): Promise<string[]>;
  /** A session token for a demo citizen, through the sandbox's Zalo login and POST /api/v1/sessions. */
  signIn(zaloUserId: string): Promise<string>;
  /** The same, keeping the Zalo access token (the phone step needs it). */
  signInWithZalo(zaloUserId: string): Promise<{ token: string; accessToken: string }>;
  /**
   * Stops the processes and opens the database from the bench (PGlite can be opened by one process only), for a
   * count after the run; the caller closes it.
   */
  stopAndOpenDatabase(): Promise<Db>;
  /** Stops the processes and drops the database. */
  close(): Promise<void>;
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

export async function startBackend(database: DatabaseTarget, options: BackendOptions = {}): Promise<Backend> {
  const logDir = makeTempDir('logs');
  const [apiPort, sandboxPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const fresh: FreshDatabase = await database.create();
  const processes: RunningProcess[] = [];

  const sandbox = startTsProcess({
    name: 'sandbox',
    script: 'bench/processes/sandbox.ts',
    logDir,
    env: {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_HOST: '127.0.0.1',
      ONE_STOP_WEBHOOK_URL: `${apiUrl}/api/v1/webhooks/one-stop`,
      ZALO_WEBHOOK_URL: `${apiUrl}/api/v1/webhooks/zalo`,
      LOG_LEVEL: 'warn',
      BENCH_SANDBOX_OPTIONS: JSON.stringify(options.sandboxOptions ?? {}),
      ...options.sandboxEnv,
    },
  });
  processes.push(sandbox);

  const proxyEnv: Record<string, string> = {
    ...fresh.env,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: apiUrl,
    CORS_ORIGINS: 'http://localhost:3000',
    ZALO_GRAPH_URL: sandboxUrl,
    ZALO_MINI_APP_API_URL: sandboxUrl,
    ZALO_BUSINESS_API_URL: sandboxUrl,
    ZALO_OAUTH_URL: sandboxUrl,
    ONE_STOP_BASE_URL: sandboxUrl,
    LOG_LEVEL: options.logLevel ?? 'info',
    NODE_ENV: '',
    ...options.proxyEnv,
  };
  let closed = false;
  const stopProcesses = async () => {
    for (const process of [...processes].reverse()) await process.stop();
  };
  try {
    await waitUntilAnswering(`${sandboxUrl}/sandbox/zalo/citizens`, sandbox);
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const nodeArgs = options.proxyNodeArgs ?? (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
    const proxy = startTsProcess({ name: 'proxy', script: 'server/src/main.ts', logDir, env: proxyEnv, nodeArgs });
    processes.push(proxy);
    await waitUntilAnswering(`${apiUrl}/readyz`, proxy, 180_000);
    if (database.kind === 'postgres') {
      // With PostgreSQL the worker is a process of its own (`npm run worker -w server`).
      const worker = startTsProcess({ name: 'worker', script: 'server/src/worker.ts', logDir, env: proxyEnv });
      processes.push(worker);
    }
  } catch (error) {
    await stopProcesses();
    await fresh.drop();
    throw error;
  }

  const backend: Backend = {
    apiUrl,
    sandboxUrl,
    database,
    processes,
    async citizenIds() {
      const res = await fetch(`${sandboxUrl}/sandbox/zalo/citizens`);
      const body = (await res.json()) as { citizens: { id: string }[] };
      return body.citizens.map((citizen) => citizen.id);
    },
    async signIn(zaloUserId) {
      const { token } = await backend.signInWithZalo(zaloUserId);
      return token;
    },
    async signInWithZalo(zaloUserId) {
      const { accessToken } = await postJson(`${sandboxUrl}/sandbox/zalo/login`, { userId: zaloUserId });
      const session = await postJson(`${apiUrl}/api/v1/sessions`, { accessToken });
      return { token: session.token as string, accessToken: accessToken as string };
    },
    async stopAndOpenDatabase() {
      await stopProcesses();
      return fresh.open();
    },
    async close() {
      if (closed) return;
      closed = true;
      await stopProcesses();
      await fresh.drop();
    },
  };
  return backend;
}

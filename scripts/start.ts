// `npm start`: builds the mini app and runs the whole demo on localhost — the sandbox (fake Zalo platform and
// simulated one-stop system), the proxy API with its worker, and the built mini app — with an embedded database.
// Options: --no-build (serve what is already built), --out-dir <dir> (default www).
// Ports: APP_PORT (3000), PORT (3001, the proxy), SANDBOX_PORT (3002).
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const args = process.argv.slice(2);
const outDir = args.includes('--out-dir') ? args[args.indexOf('--out-dir') + 1] : 'www';
const skipBuild = args.includes('--no-build');

const repoRoot = path.resolve(__dirname, '..');
const appPort = Number(process.env.APP_PORT ?? 3000);
const apiPort = Number(process.env.PORT ?? 3001);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 3002);

const appUrl = `http://localhost:${appPort}`;
const apiUrl = `http://localhost:${apiPort}`;
const sandboxUrl = `http://localhost:${sandboxPort}`;

/**
 * A fresh OA token pair each run, for both the sandbox (the pair valid at its start) and the proxy (which replaces the
 * pair stored in a database kept from an earlier run, since it descends from another ZALO_OA_REFRESH_TOKEN).
 */
function oaTokenPair(): Record<string, string> {
  if (process.env.ZALO_OA_ACCESS_TOKEN || process.env.ZALO_OA_REFRESH_TOKEN) return {};
  const run = randomBytes(12).toString('hex');
  return { ZALO_OA_ACCESS_TOKEN: `sandbox-oa-access-${run}`, ZALO_OA_REFRESH_TOKEN: `sandbox-oa-refresh-${run}` };
}

/**
 * The demo wires every part to the sandbox through configuration only; explicit environment wins. The Zalo
 * notification key and webhook secret are the sandbox's demo values on both sides (their defaults outside production).
 */
function demoEnvironment(): Record<string, string> {
  return {
    PORT: String(apiPort),
    SANDBOX_PORT: String(sandboxPort),
    DATA_DIR: path.join(repoRoot, '.data', 'pglite'),
    CORS_ORIGINS: appUrl,
    PUBLIC_BASE_URL: apiUrl,
    ZALO_GRAPH_URL: sandboxUrl,
    ZALO_MINI_APP_API_URL: sandboxUrl,
    ZALO_BUSINESS_API_URL: sandboxUrl,
    ZALO_OAUTH_URL: sandboxUrl,
    // Delivery receipts of template messages, from the sandbox to this run's proxy.
    ZALO_WEBHOOK_URL: `${apiUrl}/api/v1/webhooks/zalo`,
    ...oaTokenPair(),
    // Zalo's request rate (unpublished; 20 a second is our assumption): the sandbox refuses above it with -32, the
    // proxy paces its sends to it. Setting one sets the other unless both are given.
    ZALO_SEND_RATE_PER_SECOND: process.env.NOTIFY_SEND_RATE_PER_SECOND || '20',
    NOTIFY_SEND_RATE_PER_SECOND: process.env.ZALO_SEND_RATE_PER_SECOND || '20',
    ONE_STOP_BASE_URL: sandboxUrl,
    ONE_STOP_WEBHOOK_URL: `${apiUrl}/api/v1/webhooks/one-stop`,
    VITE_API_URL: apiUrl,
    VITE_ZALO_SANDBOX_URL: sandboxUrl,
  };
}

async function main(): Promise<void> {
  for (const [key, value] of Object.entries(demoEnvironment())) {
    if (!process.env[key]) process.env[key] = value;
  }
  process.chdir(repoRoot);

  if (!skipBuild) {
    console.log(`Building the mini app into ${outDir}/ …`);
    const nodeEnv = process.env.NODE_ENV;
    // A production build (minified React) whatever the demo's NODE_ENV; Vite sets NODE_ENV while it builds.
    process.env.NODE_ENV = 'production';
    process.env.VITE_CJS_IGNORE_WARNING = 'true';
    const { build } = await import('vite');
    await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    process.env.NODE_ENV = nodeEnv ?? 'development';
  }

  const { startSandbox } = await import('../sandbox/src/main');
  const { startApiWithWorker } = await import('../server/src/main');
  const { serveMiniApp } = await import('./serve-mini-app');

  const sandbox = await startSandbox();
  // The proxy API and its worker (forwarding to the one-stop system) in this process, over one database.
  const api = await startApiWithWorker();
  const miniApp = await serveMiniApp({ root: path.resolve(repoRoot, outDir), port: appPort });

  console.log(
    [
      '',
      'Lào Cai số is running:',
      `  mini app            ${appUrl}`,
      `  proxy API           ${apiUrl}   (OpenAPI: ${apiUrl}/docs)`,
      `  QR posters          ${apiUrl}/posters   (for commune staff: each office's A4 poster to print)`,
      `  sandbox             ${sandboxUrl}`,
      `  demo phones         ${sandboxUrl}/phone   (Zalo messages the demo citizens received)`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await miniApp.close();
    await api.close();
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// The whole stack for end-to-end journeys, started exactly as `npm start` starts it (scripts/start.ts),
// on its own ports and with its own empty embedded database, so it never collides with a running demo.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const E2E_PORTS = {
  app: Number(process.env.E2E_APP_PORT ?? 4100),
  api: Number(process.env.E2E_API_PORT ?? 4101),
  sandbox: Number(process.env.E2E_SANDBOX_PORT ?? 4102),
};

export const urls = {
  app: `http://localhost:${E2E_PORTS.app}`,
  api: `http://localhost:${E2E_PORTS.api}`,
  sandbox: `http://localhost:${E2E_PORTS.sandbox}`,
};

const repoRoot = path.resolve(__dirname, '../../..');

async function waitFor(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The stack exited early (code ${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${log()}`);
}

export async function startStack(): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-e2e-'));
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--out-dir', 'www-e2e'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        APP_PORT: String(E2E_PORTS.app),
        PORT: String(E2E_PORTS.api),
        SANDBOX_PORT: String(E2E_PORTS.sandbox),
        DATA_DIR: path.join(dataDir, 'pglite'),
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        // Zalo sends notifications 06:00–22:00 only (the sandbox answers -133, the proxy waits): journeys run on the
        // real clock, so this stack sends at any hour. Quiet hours themselves are proxy tests on a moved clock.
        ZALO_SENDING_HOURS: '0-24',
        NOTIFY_QUIET_HOURS: 'none',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const log = () => output.join('').slice(-4000);
  try {
    await waitFor(`${urls.api}/readyz`, child, log, 180_000);
    await waitFor(`${urls.app}/`, child, log, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

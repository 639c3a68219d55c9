// Child processes of the bench (the proxy, its worker, the sandbox, the bare baseline server): started with tsx,
// waited for until they answer, stopped with SIGTERM (then SIGKILL). Every process started here is remembered so
// that a failing or interrupted bench stops them all. Their output goes to a log file, not through this process.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** The last lines the process wrote (for error messages). */
  tail(): string;
  stop(): Promise<void>;
}

const running = new Set<RunningProcess>();

/** A temporary folder for one bench run; removed by removeTempDirs(). */
const tempDirs: string[] = [];
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lcs-bench-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A TCP port nobody listens on right now (the kernel's choice). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts `node --import tsx <script>` from the repository root with `env` added to this process's environment. */
export function startTsProcess(options: {
  name: string;
  script: string;
  args?: string[];
  /** Node's own flags, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  env: Record<string, string>;
  logDir: string;
}): RunningProcess {
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.script, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: RunningProcess = {
    name: options.name,
    child,
    logFile,
    tail: () => {
      try {
        return fs.readFileSync(logFile, 'utf8').slice(-3000);
      } catch {
        return '';
      }
    },
    stop: async () => {
      running.delete(handle);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(handle);
  return handle;
}

/** Waits until `url` answers 2xx; fails early if the process exits. */
export async function waitUntilAnswering(url: string, process: RunningProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) {
      throw new Error(`${process.name} exited (code ${process.child.exitCode}) before ${url} answered:\n${process.tail()}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${process.tail()}`);
}

/** Stops every process still running (the bench failed or was interrupted). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((handle) => handle.stop()));
}

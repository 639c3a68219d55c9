// The simulated one-stop system (sandbox/) over real HTTP on an ephemeral port, knowing the test's own procedures
// and offices, with a clock fixed by the test; plus the control calls tests make to it (faults, dossier counts).
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../../../sandbox/src/app';
import { loadDefaultCatalogue } from '../../../sandbox/src/one-stop/catalogue';
import type { CatalogOffice, CatalogProcedure } from '@lao-cai-so/domain/catalog-schema';

export const ONE_STOP_TEST_TOKEN = 'server-tests-one-stop-token';
/** Monday 2 March 2026, 09:00 in Vietnam: a working day, before the 15:00 cut-off. */
export const ONE_STOP_NOW = Date.parse('2026-03-02T09:00:00+07:00');

export interface OneStopSandbox {
  url: string;
  /** Environment for the proxy (createTestApp / loadConfig). */
  env: Record<string, string>;
  addFault(fault: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  /** What the one-stop system holds: `count` dossiers from `pushes` push requests. */
  dossiers(): Promise<{ count: number; pushes: number; dossiers: Array<{ Id: string; MaHoSoLienThong: string; MaHoSo: string | null }> }>;
  /** GET on the integration API, with the token. */
  api(path: string): Promise<Response>;
  /** An officer action (`POST /officer/api/dossiers/:id/<action>`); throws unless it succeeded. */
  officer(dossierId: string, action: string, body?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The dossier as the integration API shows it. */
  dossier(dossierId: string): Promise<Record<string, unknown> & { TrangThaiHoSo: number }>;
  /** Waits until no webhook delivery is pending; returns the delivery log. */
  settleWebhooks(): Promise<Array<{ eventId: string; action: string; status: string; MaHoSoLienThong: string }>>;
  /** The drop switch: webhooks recorded, not sent (polling must heal). */
  dropWebhooks(drop: boolean): Promise<void>;
  /** Moves the one-stop system's clock forward (officer actions are stamped with it). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export interface OneStopSandboxOptions {
  /** Where status webhooks go (the test's proxy listening on a port), signed with `webhookSecret`. */
  webhookUrl?: string;
  webhookSecret?: string;
}

export async function startOneStopSandbox(
  known: { procedures: CatalogProcedure[]; offices: CatalogOffice[] },
  options: OneStopSandboxOptions = {},
): Promise<OneStopSandbox> {
  let offsetMs = 0;
  const sandbox: FastifyInstance = await buildSandbox({
    now: () => ONE_STOP_NOW + offsetMs,
    oneStop: {
      apiToken: ONE_STOP_TEST_TOKEN,
      autoAccept: true,
      ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : {}),
      ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
      // Retries soon, so that a test waiting for deliveries to settle is not held for half a minute.
      webhookRetryDelaysMs: [100, 200],
      catalogue: {
        procedures: known.procedures.map((procedure) => ({
          code: procedure.code,
          name: procedure.name,
          workingDays: procedure.processingTime.workingDays,
        })),
        units: known.offices.map((office) => ({ code: office.code, name: office.name })),
        holidays: loadDefaultCatalogue().holidays,
      },
    },
  });
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const address = sandbox.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const control = `${url}/sandbox/control/one-stop`;

  return {
    url,
    env: { ONE_STOP_BASE_URL: url, ONE_STOP_API_TOKEN: ONE_STOP_TEST_TOKEN },
    async addFault(fault) {
      const res = await fetch(`${control}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
      if (res.status !== 201) throw new Error(`adding a fault answered ${res.status}`);
    },
    async clearFaults() {
      await fetch(`${control}/faults`, { method: 'DELETE' });
    },
    async dossiers() {
      return (await (await fetch(`${control}/dossiers`)).json()) as Awaited<ReturnType<OneStopSandbox['dossiers']>>;
    },
    api: (path) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${ONE_STOP_TEST_TOKEN}` } }),
    async officer(dossierId, action, body = {}) {
      const res = await fetch(`${url}/officer/api/dossiers/${dossierId}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`officer ${action} answered ${res.status}: ${JSON.stringify(answer)}`);
      return answer;
    },
    async dossier(dossierId) {
      const res = await fetch(`${url}/one-stop/api/dossiers/${dossierId}`, { headers: { authorization: `Bearer ${ONE_STOP_TEST_TOKEN}` } });
      if (!res.ok) throw new Error(`dossier look-up answered ${res.status}`);
      return (await res.json()) as Record<string, unknown> & { TrangThaiHoSo: number };
    },
    async settleWebhooks() {
      return ((await (await fetch(`${control}/webhooks?settle=true`)).json()) as { deliveries: [] }).deliveries;
    },
    async dropWebhooks(drop) {
      const res = await fetch(`${control}/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dropWebhooks: drop }),
      });
      if (!res.ok) throw new Error(`settings answered ${res.status}`);
    },
    advance(ms) {
      offsetMs += ms;
    },
    close: () => sandbox.close(),
  };
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes; for work done by pg-boss. */
export async function eventually<T>(check: () => Promise<T | undefined>, { timeoutMs = 20_000, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A TCP port free right now, for a server that must be known before it starts (the proxy the sandbox calls back). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

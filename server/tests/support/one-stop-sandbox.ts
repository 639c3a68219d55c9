// The simulated one-stop system (sandbox/) over real HTTP on an ephemeral port, knowing the test's own procedures
// and offices, with a clock fixed by the test; plus the control calls tests make to it (faults, dossier counts).
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../../../sandbox/src/app';
import { loadDefaultCatalogue } from '../../../sandbox/src/one-stop/catalogue';
import type { CatalogOffice, CatalogProcedure } from '../../src/domain/catalog-schema';

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
  close(): Promise<void>;
}

export async function startOneStopSandbox(known: { procedures: CatalogProcedure[]; offices: CatalogOffice[] }): Promise<OneStopSandbox> {
  const sandbox: FastifyInstance = await buildSandbox({
    now: () => ONE_STOP_NOW,
    oneStop: {
      apiToken: ONE_STOP_TEST_TOKEN,
      autoAccept: true,
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

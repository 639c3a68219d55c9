// The proxy and the simulated one-stop system wired both ways over real HTTP: the proxy forwards to the sandbox
// (its worker runs), and the sandbox sends its signed status webhooks to the proxy listening on a port.
import pino from 'pino';
import { type RunningWorker, startWorker } from '../../src/worker';
import { buildIntakeCatalog, type IntakeFixture, insertIntakeCatalog, submit, validBody } from './applications';
import { createCitizen, type TestCitizen } from './citizens';
import { eventually, freePort, type OneStopSandbox, startOneStopSandbox } from './one-stop-sandbox';
import { createTestApp, type TestApp } from './test-app';

export const CONNECTED_WEBHOOK_SECRET = 'server-tests-connected-webhook-secret';

export interface ConnectedProxy {
  t: TestApp;
  oneStop: OneStopSandbox;
  worker: RunningWorker;
  fixture: IntakeFixture;
  citizen: TestCitizen;
  /** Submits an application and waits until the one-stop system accepted it and its webhook was delivered. */
  accepted(owner?: TestCitizen): Promise<{ applicationId: string; dossierId: string }>;
  /** GET /api/v1/applications/:id as its owner. */
  view(applicationId: string, owner?: TestCitizen): Promise<Record<string, any>>;
  close(): Promise<void>;
}

export async function startConnectedProxy(env: Record<string, string> = {}): Promise<ConnectedProxy> {
  const fixture = buildIntakeCatalog();
  const port = await freePort();
  const oneStop = await startOneStopSandbox(
    { procedures: [fixture.procedure], offices: [fixture.office, fixture.province] },
    { webhookUrl: `http://127.0.0.1:${port}/api/v1/webhooks/one-stop`, webhookSecret: CONNECTED_WEBHOOK_SECRET },
  );
  const t = await createTestApp({
    env: {
      ...oneStop.env,
      ONE_STOP_WEBHOOK_SECRET: CONNECTED_WEBHOOK_SECRET,
      JOB_POLLING_INTERVAL_SECONDS: '0.5',
      FORWARD_RETRY_DELAY_SECONDS: '1',
      FORWARD_RETRY_LIMIT: '3',
      ...env,
    },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
  await insertIntakeCatalog(t.db, fixture);
  const citizen = await createCitizen(t.app, t.db);
  const worker = await startWorker(t.config, { db: t.db, logger: pino({ level: 'silent' }) });

  const view = async (applicationId: string, owner = citizen) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/applications/${applicationId}`, headers: owner.auth })).json();

  return {
    t,
    oneStop,
    worker,
    fixture,
    citizen,
    view,
    async accepted(owner = citizen) {
      const res = await submit(t.app, owner, await validBody(t.app, owner, fixture));
      if (res.statusCode !== 201) throw new Error(`submission answered ${res.statusCode}`);
      const applicationId = res.json().id as string;
      await eventually(async () => ((await view(applicationId, owner)).statusCode === 2 ? true : undefined), { what: 'acceptance' });
      await oneStop.settleWebhooks();
      const { rows } = await t.db.query<{ one_stop_id: string }>('select one_stop_id from applications where id = $1', [applicationId]);
      return { applicationId, dossierId: rows[0].one_stop_id };
    },
    async close() {
      await worker?.close();
      await oneStop?.close();
      await t?.close();
    },
  };
}

// The proxy killed between accepting an application and forwarding it loses nothing: the application and its job
// were committed together, so after a restart the worker forwards it, exactly once.
import pino from 'pino';
import { buildApp } from '../../src/app';
import { migrate } from '../../src/db/migrate';
import { startWorker } from '../../src/worker';
import { buildIntakeCatalog, insertIntakeCatalog, submit, validBody } from '../support/applications';
import { createCitizen } from '../support/citizens';
import { eventually, startOneStopSandbox } from '../support/one-stop-sandbox';
import { testConfig } from '../support/test-app';
import { createReopenableTestDb } from '../support/test-db';

it('an application accepted with no worker running is forwarded exactly once after a restart', async () => {
  const fixture = buildIntakeCatalog();
  const oneStop = await startOneStopSandbox({ procedures: [fixture.procedure], offices: [fixture.office] });
  const storage = await createReopenableTestDb();
  const config = testConfig({ ...storage.env, ...oneStop.env, JOB_POLLING_INTERVAL_SECONDS: '0.5' });
  try {
    // First life: the API accepts the application; no worker runs; then the process goes away.
    const db = await storage.open();
    await migrate(db);
    await insertIntakeCatalog(db, fixture);
    const app = await buildApp({ config, db, logger: pino({ level: 'silent' }) });
    const citizen = await createCitizen(app, db);
    const res = await submit(app, citizen, await validBody(app, citizen, fixture));
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    await app.close();
    await db.close();
    expect((await oneStop.dossiers()).count).toBe(0);

    // Second life: a new connection to the same data, the worker starts and finds the job.
    const reopened = await storage.open();
    const worker = await startWorker(config, { db: reopened, logger: pino({ level: 'silent' }) });
    try {
      const forwarded = await eventually(
        async () => {
          const { rows } = await reopened.query<{ forwarding_state: string; receipt_code: string | null }>(
            'select forwarding_state, receipt_code from applications where id = $1',
            [id],
          );
          return rows[0].forwarding_state === 'pending' ? undefined : rows[0];
        },
        { what: 'the application to be forwarded after the restart' },
      );
      expect(forwarded).toEqual({ forwarding_state: 'forwarded', receipt_code: expect.stringMatching(/-260302-0001$/) });
      const { rows: jobs } = await reopened.query<{ state: string }>(
        `select state from ${config.jobs.schema}.job where data->>'applicationId' = $1`,
        [id],
      );
      expect(jobs).toEqual([{ state: 'completed' }]);
    } finally {
      await worker.close();
      await reopened.close();
    }
    const held = await oneStop.dossiers();
    expect(held.count).toBe(1);
    expect(held.pushes).toBe(1);
    expect(held.dossiers[0].MaHoSoLienThong).toBe(id);
  } finally {
    await oneStop.close();
    await storage.drop();
  }
});

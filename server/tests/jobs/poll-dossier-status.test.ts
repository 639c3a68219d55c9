// The status poll heals lost webhooks: with the sandbox dropping its webhooks an officer acts, the scheduled job asks
// the one-stop system and the proxy shows the new status with every missed step in its timeline; polling again
// records nothing twice; dossiers heard of recently are not asked; the one-stop system down stops the run.
import pino from 'pino';
import { createServices } from '../../src/composition';
import { JobQueue } from '../../src/queue/job-queue';
import { createPollDossierStatusHandler } from '../../src/jobs/poll-dossier-status';
import { QUEUES } from '../../src/queue/queues';
import { type ConnectedProxy, startConnectedProxy } from '../support/connected-proxy';
import { eventually } from '../support/one-stop-sandbox';

let env: ConnectedProxy;
let jobs: JobQueue;
const HOUR = 3_600_000;

beforeAll(async () => {
  env = await startConnectedProxy({ STATUS_POLL_STALE_AFTER_SECONDS: '0' });
  jobs = await JobQueue.open(env.t.db, env.t.config, { supervise: false });
});

afterEach(async () => {
  await env.oneStop.clearFaults();
  await env.oneStop.dropWebhooks(false);
});

afterAll(async () => {
  await jobs?.close();
  await env?.close();
});

const eventCount = async (applicationId: string) =>
  (await env.t.db.query<{ n: number }>('select count(*)::int as n from application_events where application_id = $1', [applicationId]))
    .rows[0].n;

/** The poll as the worker runs it, with its own settings and clock. */
const pollWith = (staleAfterSeconds: number, now: () => Date = () => new Date()) =>
  createPollDossierStatusHandler({
    services: createServices({ config: env.t.config, db: env.t.db, jobs, now, log: pino({ level: 'silent' }) }),
    log: pino({ level: 'silent' }),
    config: { staleAfterSeconds, batchSize: 100 },
  });

it('the worker schedules the poll with pg-boss cron (every 5 minutes by default)', async () => {
  const schedules = await jobs.boss.getSchedules();
  expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: QUEUES.pollDossierStatus, cron: '*/5 * * * *' })]));
});

it('after dropped webhooks, a poll run brings the new status, its details and every missed step', async () => {
  const { applicationId, dossierId } = await env.accepted();
  await env.oneStop.dropWebhooks(true);
  env.oneStop.advance(HOUR);
  await env.oneStop.officer(dossierId, 'request-fee', { amount: 25000, description: 'Lệ phí cấp bản sao', paymentMethod: 'Nộp tại xã' });
  env.oneStop.advance(HOUR);
  await env.oneStop.officer(dossierId, 'mark-result-ready', { pickupPlace: 'Bộ phận một cửa xã Khao Mang', pickupMethod: 'Nhận trực tiếp' });
  const deliveries = await env.oneStop.settleWebhooks();
  expect(deliveries.filter((delivery) => delivery.MaHoSoLienThong === applicationId).map((delivery) => delivery.status)).toEqual([
    'delivered',
    'dropped',
    'dropped',
  ]);
  expect(await env.view(applicationId)).toMatchObject({ statusCode: 2 });

  // The scheduled job, run now through pg-boss and the worker.
  await jobs.boss.send(QUEUES.pollDossierStatus, {});
  const healed = await eventually(async () => {
    const application = await env.view(applicationId);
    return application.statusCode === 9 ? application : undefined;
  }, { what: 'the poll to bring status 9' });
  expect(healed).toMatchObject({
    status: 'ready',
    needsAction: true,
    result: { pickupPlace: 'Bộ phận một cửa xã Khao Mang', pickupMethod: 'Nhận trực tiếp', note: null },
    canRate: true,
  });
  expect(healed.timeline.map((step: { statusCode: number }) => step.statusCode)).toEqual([1, 2, 6, 9]);

  // Polling again adds nothing: the steps have stable ids.
  const before = await eventCount(applicationId);
  const report = await pollWith(0)();
  expect(report.failed).toBe(0);
  expect(await eventCount(applicationId)).toBe(before);
  expect((await env.view(applicationId)).timeline).toEqual(healed.timeline);
});

it('asks only for dossiers not heard of within the stale threshold, and never for terminal ones', async () => {
  const { applicationId, dossierId } = await env.accepted();
  await env.oneStop.dropWebhooks(true);
  env.oneStop.advance(HOUR);
  await env.oneStop.officer(dossierId, 'start-processing');
  await env.oneStop.settleWebhooks();

  // Synced a moment ago (the acceptance webhook): not stale for an hour.
  await pollWith(3600)();
  expect(await env.view(applicationId)).toMatchObject({ statusCode: 2 });
  // Two hours later it is.
  await pollWith(3600, () => new Date(Date.now() + 2 * HOUR))();
  expect(await env.view(applicationId)).toMatchObject({ statusCode: 4 });

  // Stopped (terminal) and polled once: it is never asked again.
  env.oneStop.advance(HOUR);
  await env.oneStop.officer(dossierId, 'stop', { reason: 'Không đủ điều kiện' });
  const later = () => new Date(Date.now() + 3 * HOUR);
  await pollWith(0, later)();
  expect(await env.view(applicationId)).toMatchObject({ statusCode: 8, reason: 'Không đủ điều kiện' });
  const { rows } = await env.t.db.query<{ last_synced_at: Date }>('select last_synced_at from applications where id = $1', [applicationId]);
  await pollWith(0, later)();
  const after = await env.t.db.query<{ last_synced_at: Date }>('select last_synced_at from applications where id = $1', [applicationId]);
  expect(after.rows[0].last_synced_at).toEqual(rows[0].last_synced_at);
});

it('the one-stop system down: the run stops at the first failure and changes nothing', async () => {
  const { applicationId, dossierId } = await env.accepted();
  await env.oneStop.dropWebhooks(true);
  env.oneStop.advance(HOUR);
  await env.oneStop.officer(dossierId, 'start-processing');
  await env.oneStop.addFault({ mode: 'down', operation: 'lookup' });
  const report = await pollWith(0)();
  expect(report).toMatchObject({ failed: 1, changed: 0 });
  expect(report.checked).toBe(1);
  expect(await env.view(applicationId)).toMatchObject({ statusCode: 2 });
  await env.oneStop.clearFaults();
  await pollWith(0)();
  expect(await env.view(applicationId)).toMatchObject({ statusCode: 4 });
});

// The notification sender's job loop over real pg-boss: up to N jobs at once, a slow job does not hold up the others,
// a job that throws is failed alone (and retried by pg-boss), stop() waits for the running jobs and completes them.
import type PgBoss from 'pg-boss';
import { startConcurrentWorker } from '../../src/jobs/concurrent-worker';
import { JobQueue } from '../../src/queue/job-queue';
import { eventually } from '../support/one-stop-sandbox';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let jobs: JobQueue;
const QUEUE = 'concurrent-worker-test';

beforeAll(async () => {
  t = await createTestApp();
  jobs = await JobQueue.open(t.db, t.config, { supervise: false });
  await jobs.boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 1, retryDelay: 60 });
});

afterAll(async () => {
  await jobs?.close();
  await t?.close();
});

const stateOf = async (id: string) => (await jobs.boss.getJobById(QUEUE, id))?.state;

it('keeps N jobs running, refills a slot as soon as its job ends, fails a throwing job alone, and stops cleanly', async () => {
  let releaseSlow!: () => void;
  const slowDone = new Promise<void>((resolve) => {
    releaseSlow = resolve;
  });
  let running = 0;
  let mostAtOnce = 0;
  const handled: string[] = [];
  const errors: string[] = [];
  const worker = startConcurrentWorker<{ name: string }>(
    jobs.boss,
    QUEUE,
    {
      concurrency: 3,
      pollingIntervalSeconds: 0.2,
      onJobError: (problem) => errors.push(problem),
      onLoopError: (problem) => errors.push(`loop: ${problem}`),
    },
    async (job: PgBoss.Job<{ name: string }>) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        if (job.data.name === 'slow') await slowDone;
        else await new Promise((resolve) => setTimeout(resolve, 200));
        if (job.data.name === 'broken') throw new Error('the handler failed');
        handled.push(job.data.name);
      } finally {
        running -= 1;
      }
    },
  );

  const slow = (await jobs.boss.send(QUEUE, { name: 'slow' }))!;
  await eventually(async () => (running === 1 ? true : undefined), { what: 'the slow job to start' });
  const others: string[] = [];
  for (let i = 0; i < 8; i += 1) others.push((await jobs.boss.send(QUEUE, { name: `quick-${i}` }))!);
  const broken = (await jobs.boss.send(QUEUE, { name: 'broken' }))!;
  worker.wake();

  // Every other job runs and is completed while the slow one still holds its slot.
  await eventually(async () => {
    const states = await Promise.all(others.map(stateOf));
    return states.every((state) => state === 'completed') ? true : undefined;
  }, { what: 'the quick jobs to complete' });
  expect(handled.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `quick-${i}`).sort());
  expect(await stateOf(slow)).toBe('active');
  await eventually(async () => ((await stateOf(broken)) === 'retry' ? true : undefined), { what: 'the broken job to be failed' });
  expect(errors).toEqual(['the handler failed']);
  expect(mostAtOnce).toBe(3);

  // stop() waits for the slow job and completes it.
  const stopped = worker.stop();
  releaseSlow();
  await stopped;
  expect(handled).toContain('slow');
  expect(await stateOf(slow)).toBe('completed');
});

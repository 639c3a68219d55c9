// The worker process: runs the background jobs of jobs/ (forwarding applications and supplements to the one-stop
// system, the scheduled status poll, and sending notifications through Zalo with a sweep for what falls due).
// `npm run worker -w server` runs it alone (PostgreSQL: as many as wanted, pg-boss spreads jobs with SKIP LOCKED);
// with the embedded PGlite database it runs inside the API's process (scripts/start.ts), as PGlite allows one.
import type { Logger } from 'pino';
import type PgBoss from 'pg-boss';
import { createServices } from './composition';
import { type Config, loadConfig } from './config';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { openDb } from './db/open-db';
import { createForwardApplicationHandler, type ForwardJob } from './jobs/forward-application';
import { createForwardSupplementHandler, type ForwardSupplementRun } from './jobs/forward-supplement';
import { startConcurrentWorker } from './jobs/concurrent-worker';
import { JobQueue } from './queue/job-queue';
import { createSendNotificationHandler } from './jobs/send-notification';
import { createPollDossierStatusHandler } from './jobs/poll-dossier-status';
import { QUEUES, type QueueName, type SendNotificationJob } from './queue/queues';
import { createLogger } from './plugins/request-log';
import { runAsMain } from './run-as-main';

export interface RunningWorker {
  /** The queues a worker was registered for (a convention test checks every queue of QUEUES is here). */
  readonly queues: readonly QueueName[];
  /** Fetch now instead of at the next poll (the API calls it after committing an application in-process). */
  notify(): void;
  close(): Promise<void>;
}

/**
 * pg-boss 10 waits out the polling interval after every fetch, even when more jobs are queued: with batchSize 1 a
 * worker would take one job per interval (one notification every 2 s). Waking it again after each job drains a
 * backlog at the speed of the work itself; an empty queue still waits the interval. (`npm run bench` measures it.)
 */
async function workUntilEmpty<T>(
  jobs: JobQueue,
  queue: QueueName,
  options: PgBoss.WorkOptions & { includeMetadata: true },
  handler: PgBoss.WorkWithMetadataHandler<T>,
): Promise<string> {
  let workerId = '';
  workerId = await jobs.boss.work<T>(queue, options, async (batch) => {
    try {
      return await handler(batch);
    } finally {
      jobs.boss.notifyWorker(workerId);
    }
  });
  return workerId;
}

export interface WorkerOptions {
  /** Share the API's database (PGlite in one process); by default the worker opens, migrates and closes its own. */
  db?: Db;
  logger?: Logger;
  /** The clock of the status mirror and of notifications (quiet hours, daily limits; tests fix it); the real one by default. */
  now?: () => Date;
}

export async function startWorker(config: Config = loadConfig(), options: WorkerOptions = {}): Promise<RunningWorker> {
  const log = options.logger ?? createLogger(config.logLevel);
  const ownDb = !options.db;
  const db = options.db ?? (await openDb(config));
  try {
    if (ownDb) await migrate(db);
    const jobs = await JobQueue.open(db, config, { supervise: true });
    jobs.onError = (error) => log.error({ err: { message: error.message } }, 'job queue error');
    const now = options.now ?? (() => new Date());
    const services = createServices({ config, db, jobs, now, log });
    const forward = createForwardApplicationHandler({ services, log: log.child({ queue: QUEUES.forwardApplication }) });
    const forwardSupplement = createForwardSupplementHandler({ services, log: log.child({ queue: QUEUES.forwardSupplement }) });
    const poll = createPollDossierStatusHandler({
      services,
      config: config.statusPoll,
      log: log.child({ queue: QUEUES.pollDossierStatus }),
    });

    const workerIds: string[] = [];
    const queues: QueueName[] = [];
    const pollingIntervalSeconds = config.jobs.pollingIntervalSeconds;

    workerIds.push(
      await workUntilEmpty<ForwardJob['data']>(
        jobs,
        QUEUES.forwardApplication,
        { pollingIntervalSeconds, includeMetadata: true, batchSize: 1 },
        async ([job]) => forward(job),
      ),
    );
    queues.push(QUEUES.forwardApplication);

    workerIds.push(
      await workUntilEmpty<ForwardSupplementRun['data']>(
        jobs,
        QUEUES.forwardSupplement,
        { pollingIntervalSeconds, includeMetadata: true, batchSize: 1 },
        async ([job]) => forwardSupplement(job),
      ),
    );
    queues.push(QUEUES.forwardSupplement);

    workerIds.push(await jobs.boss.work(QUEUES.pollDossierStatus, { pollingIntervalSeconds, batchSize: 1 }, async () => poll()));
    // The schedule lives in the database: every worker sets the same one, pg-boss's cron sends one job per tick.
    await jobs.boss.schedule(QUEUES.pollDossierStatus, config.statusPoll.cron, {}, { tz: 'UTC' });
    queues.push(QUEUES.pollDossierStatus);

    const notifyLog = log.child({ queue: QUEUES.sendNotification });
    const notify = createSendNotificationHandler({ services, log: notifyLog });
    // NOTIFY_CONCURRENCY sends in flight (jobs/concurrent-worker.ts): most of a send is waiting for Zalo and the
    // database. Each row is claimed in its own transaction, so concurrent sends never send one row twice; a send that
    // throws fails its own job only (pg-boss retries it).
    const notifySender = startConcurrentWorker<SendNotificationJob>(
      jobs.boss,
      QUEUES.sendNotification,
      {
        concurrency: config.notifications.concurrency,
        pollingIntervalSeconds,
        onJobError: (problem, job) => notifyLog.error({ err: { message: problem }, jobId: job.id }, 'notification send failed, pg-boss retries it'),
        onLoopError: (problem) => notifyLog.error({ err: { message: problem } }, 'notification job loop failed'),
      },
      (job) => notify.send(job.data.notificationId),
    );
    queues.push(QUEUES.sendNotification);
    // Retries, the ends of quiet hours and of daily limits, and leases of dead workers fall due by this worker's clock:
    // the sweep enqueues them (pg-boss keeps one waiting job per notification).
    let sweeping = false;
    const sweepTimer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      notify
        .sweep()
        .then((due) => {
          if (due > 0) notifySender.wake();
        })
        .catch((error: Error) => notifyLog.error({ err: { message: error.message } }, 'notification sweep failed'))
        .finally(() => {
          sweeping = false;
        });
    }, config.notifications.sweepIntervalSeconds * 1000);
    sweepTimer.unref();

    log.info({ queues, database: db.kind, statusPoll: config.statusPoll.cron }, 'worker started');
    let closing: Promise<void> | undefined;
    return {
      queues,
      notify: () => {
        for (const id of workerIds) jobs.boss.notifyWorker(id);
        notifySender.wake();
      },
      close: () => {
        clearInterval(sweepTimer);
        closing ??= notifySender
          .stop()
          .then(() => jobs.close())
          .then(() => (ownDb ? db.close() : undefined));
        return closing;
      },
    };
  } catch (error) {
    if (ownDb) await db.close();
    throw error;
  }
}

if (require.main === module) {
  runAsMain(() => startWorker());
}

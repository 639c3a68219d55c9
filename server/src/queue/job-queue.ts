// pg-boss over the proxy's own database, PostgreSQL or PGlite, through pg-boss's `db: { executeSql }` option, so
// that jobs live next to the data and a job is enqueued in the same transaction as the row it is about.
//
// PGlite is a single connection. Its `query`/`exec` wait while a `transaction()` is open, so pg-boss polling never
// interleaves with an intake transaction; the one rule is that code inside a transaction enqueues through that
// transaction (`send(..., { db: transactionDb(tx) })`): going through the top-level connection from inside a
// transaction would wait for itself.
import PgBoss from 'pg-boss';
import type { Config } from '../config';
import type { Db, Queryable, RawConnection } from '../db/db';
import { pgliteTurn } from '../db/pglite-db';
import { type ForwardApplicationJob, type ForwardSupplementJob, QUEUES, type SendNotificationJob } from './queues';

type BossDb = PgBoss.Db;

/** pg-boss's connection: pg's pool as is; PGlite with `exec` for parameterless (possibly multi-statement) SQL. */
export function connectionDb(raw: RawConnection): BossDb {
  if (raw.kind === 'postgres') {
    return { executeSql: (text, values) => raw.pool.query(text, values) };
  }
  const { pglite } = raw;
  return {
    async executeSql(text, values) {
      // As every statement on PGlite: the event loop gets its turn when statements have run long enough in a row.
      await pgliteTurn();
      if (values && values.length > 0) return pglite.query(text, values);
      // pg-boss sends its migrations and maintenance as one string "BEGIN; …; COMMIT": only the simple protocol
      // (exec) runs several statements. Should one fail, the session must not stay inside that transaction.
      try {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      } catch (error) {
        await pglite.exec('rollback').catch(() => undefined);
        throw error;
      }
    },
  };
}

/** Runs pg-boss statements inside one of our transactions (single statements with parameters, e.g. send). */
export function transactionDb(tx: Queryable): BossDb {
  return { executeSql: (text, values) => tx.query(text, values ?? []) };
}

export interface JobQueueOptions {
  /** The worker supervises (expires stuck jobs, archives); the API only enqueues. */
  supervise: boolean;
}

export function forwardQueueOptions(config: Pick<Config, 'jobs' | 'oneStop'>): PgBoss.Queue {
  return {
    name: QUEUES.forwardApplication,
    retryLimit: config.jobs.forwardRetryLimit,
    retryDelay: config.jobs.forwardRetryDelaySeconds,
    // Exponential with jitter: retryDelay · 2^n / 2 · (1 + random()) seconds (pg-boss plans.js).
    retryBackoff: true,
    // A push takes at most the client's timeout; a job active much longer belonged to a process that died.
    expireInSeconds: Math.max(60, Math.ceil((config.oneStop.timeoutMs * 2) / 1000)),
  };
}

/** Supplements retry like applications: the one-stop system de-duplicates by the supplement id. */
export function forwardSupplementQueueOptions(config: Pick<Config, 'jobs' | 'oneStop'>): PgBoss.Queue {
  return { ...forwardQueueOptions(config), name: QUEUES.forwardSupplement };
}

/** One poll at a time (singleton), never retried: the next scheduled run is the retry. */
export function pollQueueOptions(config: Pick<Config, 'oneStop' | 'statusPoll'>): PgBoss.Queue {
  return {
    name: QUEUES.pollDossierStatus,
    policy: 'singleton',
    retryLimit: 0,
    // A run stops at the first failure to reach the one-stop system, so it lasts about a batch of look-ups.
    expireInSeconds: Math.max(300, Math.ceil((config.oneStop.timeoutMs * 4) / 1000)),
  };
}

/**
 * How long one send may hold its notification row (`sending`): every attempt of the send, of the OA token refresh and
 * of the send again, each within ZALO_TIMEOUT_MS, plus their backoff. A row still `sending` after it belonged to a
 * worker that died (jobs/send-notification.ts).
 */
export function notificationLeaseMs(config: Pick<Config, 'zalo'>): number {
  return 3 * (config.zalo.retries + 1) * (config.zalo.timeoutMs + 1000) + 5000;
}

/**
 * At most one job per notification waiting and one running (stately, keyed by the notification id), so the sweep can
 * re-enqueue freely. pg-boss retries only unexpected errors (a database hiccup): Zalo's answers are handled on the row.
 */
export function notificationQueueOptions(config: Pick<Config, 'zalo'>): PgBoss.Queue {
  return {
    name: QUEUES.sendNotification,
    policy: 'stately',
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: Math.ceil(notificationLeaseMs(config) / 1000) + 60,
  };
}

export class JobQueue {
  private constructor(readonly boss: PgBoss) {}

  /** Starts pg-boss (creating or migrating its schema) and the queues. */
  static async open(db: Db, config: Pick<Config, 'jobs' | 'oneStop' | 'statusPoll' | 'zalo'>, options: JobQueueOptions): Promise<JobQueue> {
    const boss = new PgBoss({
      db: connectionDb(db.raw),
      schema: config.jobs.schema,
      supervise: options.supervise,
      // The worker runs the cron schedules (the status poll); the API only enqueues.
      schedule: options.supervise,
      migrate: true,
    });
    const queue = new JobQueue(boss);
    boss.on('error', (error) => queue.onError?.(error));
    await boss.start();
    for (const options of [
      forwardQueueOptions(config),
      forwardSupplementQueueOptions(config),
      pollQueueOptions(config),
      notificationQueueOptions(config),
    ]) {
      await boss.createQueue(options.name, options);
      await boss.updateQueue(options.name, options);
    }
    return queue;
  }

  /** Where pg-boss's own errors go (a log); they are not thrown anywhere. */
  onError?: (error: Error) => void;

  /** Enqueues forwarding inside the intake transaction: both are committed, or neither. */
  async sendForwardApplication(tx: Queryable, job: ForwardApplicationJob): Promise<string> {
    const id = await this.boss.send(QUEUES.forwardApplication, job, { db: transactionDb(tx) });
    if (!id) throw new Error('pg-boss did not create the forwarding job');
    return id;
  }

  /** Enqueues a supplement's forwarding inside the transaction that stores it. */
  async sendForwardSupplement(tx: Queryable, job: ForwardSupplementJob): Promise<string> {
    const id = await this.boss.send(QUEUES.forwardSupplement, job, { db: transactionDb(tx) });
    if (!id) throw new Error('pg-boss did not create the supplement job');
    return id;
  }

  /**
   * Asks for a notification to be sent, in the caller's transaction (the outbox) or outside one (the sweep): the job
   * id, or null when one is already waiting for this notification.
   */
  async sendNotification(db: Queryable | null, job: SendNotificationJob): Promise<string | null> {
    return this.boss.send(QUEUES.sendNotification, job, {
      singletonKey: job.notificationId,
      ...(db ? { db: transactionDb(db) } : {}),
    });
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 5000 });
  }
}

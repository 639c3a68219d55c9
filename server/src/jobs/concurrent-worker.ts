// A pg-boss consumer that keeps up to `concurrency` jobs of one queue running at once, each finishing on its own.
// pg-boss's work() runs a batch and fetches again only when the whole batch is done, so one slow job (a send that Zalo
// answers slowly, or retried inside the client) holds up the others; one job per fetch instead costs a fetch query
// per job, as much as a notification's own queries on PGlite. Here a fetch asks for as many jobs as there are free
// slots, a slot is refilled as soon as its job ends, and finished jobs are completed together before the next fetch.
import type PgBoss from 'pg-boss';

export interface ConcurrentWorkerOptions {
  concurrency: number;
  /** How long an empty fetch waits before looking again (wake() cuts it short). */
  pollingIntervalSeconds: number;
  /** A job that threw (its error's message): pg-boss fails it (and retries it by the queue's policy). */
  onJobError: (problem: string, job: PgBoss.Job<unknown>) => void;
  /** The loop itself failed (a fetch or a completion): it waits an interval and goes on. */
  onLoopError: (problem: string) => void;
}

export interface ConcurrentWorker {
  /** Fetch now rather than at the end of the polling interval. */
  wake(): void;
  /** Stops fetching, waits for the running jobs and completes them. */
  stop(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startConcurrentWorker<T>(
  boss: PgBoss,
  queue: string,
  options: ConcurrentWorkerOptions,
  handler: (job: PgBoss.Job<T>) => Promise<unknown>,
): ConcurrentWorker {
  let stopping = false;
  const running = new Set<Promise<void>>();
  let finished: string[] = [];
  // A wake that comes while the loop is busy (fetching) is kept: the next pause returns at once.
  let woken = false;
  let interrupt: (() => void) | null = null;
  const wake = () => {
    woken = true;
    interrupt?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interrupt = null;
        woken = false;
        resolve();
      }
      interrupt = done;
    });

  async function completeFinished(): Promise<void> {
    if (finished.length === 0) return;
    const ids = finished;
    finished = [];
    await boss.complete(queue, ids);
  }

  function run(job: PgBoss.Job<T>): void {
    const task = (async () => {
      try {
        await handler(job);
        finished.push(job.id);
      } catch (error) {
        const problem = messageOf(error);
        options.onJobError(problem, job as PgBoss.Job<unknown>);
        await boss.fail(queue, job.id, { message: problem }).catch((failed: unknown) => options.onLoopError(messageOf(failed)));
      }
    })().finally(() => {
      running.delete(task);
      wake();
    });
    running.add(task);
  }

  const loop = (async () => {
    while (!stopping) {
      try {
        await completeFinished();
        const free = options.concurrency - running.size;
        if (free <= 0) {
          await pause(options.pollingIntervalSeconds * 1000);
          continue;
        }
        const jobs = (await boss.fetch<T>(queue, { batchSize: free })) ?? [];
        for (const job of jobs) run(job);
        if (jobs.length === 0) await pause(options.pollingIntervalSeconds * 1000);
      } catch (error) {
        options.onLoopError(messageOf(error));
        await pause(options.pollingIntervalSeconds * 1000);
      }
    }
  })();

  return {
    wake,
    async stop() {
      stopping = true;
      wake();
      await loop;
      await Promise.allSettled([...running]);
      await completeFinished().catch((error: unknown) => options.onLoopError(messageOf(error)));
    },
  };
}

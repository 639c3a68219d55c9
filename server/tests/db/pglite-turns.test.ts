// The embedded database runs on the proxy's own thread: a long chain of statements (a worker's sweep enqueueing
// hundreds of jobs) must still let the event loop read requests and fire timers between statements, as it must let
// pg-boss's statements through the job queue's connection do.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openPgliteDb } from '../../src/db/pglite-db';
import { connectionDb } from '../../src/queue/job-queue';
import type { Db } from '../../src/db/db';

let db: Db;

beforeAll(async () => {
  db = await openPgliteDb();
  await db.exec('create table counter (n int not null)');
  await db.query('insert into counter values (0)');
});

afterAll(async () => {
  await db?.close();
});

/** Runs `statements` updates one after another, counting them as they finish, without any I/O of its own. */
function chain(statements: number, run: () => Promise<unknown>) {
  const progress = { done: 0 };
  const finished = (async () => {
    for (let i = 0; i < statements; i += 1) {
      await run();
      progress.done += 1;
    }
  })();
  return { progress, finished };
}

describe('a long chain of statements on PGlite', () => {
  it('lets an HTTP request in while it runs: the request is answered before the chain ends', async () => {
    const server = createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { progress, finished } = chain(3000, () => db.query('update counter set n = n + 1'));
      const answer = await fetch(`http://127.0.0.1:${port}/`);
      expect(await answer.text()).toBe('ok');
      const doneWhenAnswered = progress.done;
      await finished;
      expect(doneWhenAnswered).toBeLessThan(3000);
      expect((await db.query<{ n: number }>('select n from counter')).rows[0].n).toBeGreaterThanOrEqual(3000);
    } finally {
      server.close();
    }
  });

  it('lets a timer fire in the middle of the job queue’s statements too', async () => {
    const boss = connectionDb(db.raw!);
    const { progress, finished } = chain(3000, () => boss.executeSql('update counter set n = n + $1', [1]));
    const doneWhenTimerFired = await new Promise<number>((resolve) => setTimeout(() => resolve(progress.done), 0));
    await finished;
    expect(doneWhenTimerFired).toBeLessThan(3000);
  });
});

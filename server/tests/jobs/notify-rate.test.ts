// Zalo's request rate: the sandbox refuses sends over a per-app rate with -32 (not processed). The worker paces its
// calls to NOTIFY_SEND_RATE_PER_SECOND per channel, shared by its concurrent send loops, so a batch that falls due at
// once goes out with no -32 spent; unpaced, the same kind of batch meets -32, backs off, and still arrives once.
import { DEMO_CITIZENS, type NotifyStack, rowsByChannel, type SignedInCitizen, startNotifyStack } from '../support/notify-stack';

const RATE = 2;
let stack: NotifyStack;
let citizens: SignedInCitizen[];

beforeAll(async () => {
  // 05:00: quiet hours, so a whole batch waits and falls due together at 06:00. Four send loops against 2 a second.
  stack = await startNotifyStack({
    startAt: { hour: 5 },
    zalo: { sendRatePerSecond: RATE },
    // The client retries -32/-100 itself: those attempts must wait for their slot too.
    env: { NOTIFY_SEND_RATE_PER_SECOND: String(RATE), NOTIFY_CONCURRENCY: '4', ZALO_RETRIES: '2' },
  });
  citizens = await Promise.all(DEMO_CITIZENS.map((demo) => stack.signIn(demo)));
  for (const citizen of citizens) await stack.optIn(citizen, { phone: true });
});

afterAll(async () => {
  await stack?.close();
});

/** Two applications per demo citizen accepted in quiet hours: one ZBS message each, all waiting for 06:00. */
async function batchWaitingForSixAm(): Promise<string[]> {
  stack.clock.moveTo(5, 0);
  const applicationIds: string[] = [];
  for (const citizen of [...citizens, ...citizens]) applicationIds.push((await stack.accepted(citizen)).applicationId);
  return applicationIds;
}

async function zbsRowsSettled(applicationIds: string[]) {
  return stack.until(
    async () => {
      const rows = (await Promise.all(applicationIds.map((id) => rowsByChannel(stack.t.db, id)))).flat().filter((row) => row.channel === 'zbs');
      return rows.length === applicationIds.length && rows.every((row) => row.state === 'delivered') ? rows : undefined;
    },
    'every ZBS message delivered',
    60_000,
  );
}

async function refusedByRate(): Promise<number> {
  return (await stack.zalo('GET', '/send-rate')).channels.zbs.refused as number;
}

it('paced to the provider\'s rate: a batch falling due at once is delivered exactly once, with no -32 answered', async () => {
  // A third of the sends fail transiently (-100) and are retried at once inside the call, paced like the rest.
  await stack.addFault({ channel: 'zbs', error: -100, rate: 0.3, seed: 5 });
  const applicationIds = await batchWaitingForSixAm();
  expect(await stack.messages({ channel: 'zbs' })).toHaveLength(0);

  stack.clock.moveTo(6, 0);
  const rows = await zbsRowsSettled(applicationIds);
  // The sandbox refused nothing for the rate, though it received more sends than there were messages.
  expect(await refusedByRate()).toBe(0);
  expect((await stack.zalo('GET', '/send-rate')).channels.zbs.allowed).toBeGreaterThan(applicationIds.length);
  await stack.zalo('DELETE', '/faults');
  const messages = await stack.messages({ channel: 'zbs' });
  expect(messages).toHaveLength(applicationIds.length);
  expect(new Set(messages.map((message) => message.trackingId))).toEqual(new Set(rows.map((row) => row.id)));
});

it('unpaced, the same batch meets -32, backs off, and is still delivered exactly once', async () => {
  // Unpaced, and no retries inside a call: each -32 shows on its row.
  const config = stack.workerConfig;
  await stack.restartWorker({
    config: { ...config, zalo: { ...config.zalo, retries: 0 }, notifications: { ...config.notifications, sendRatePerSecond: null } },
  });
  const before = await stack.messages({ channel: 'zbs' });
  const applicationIds = await batchWaitingForSixAm();

  stack.clock.moveTo(6, 0);
  const rows = await zbsRowsSettled(applicationIds);
  expect(await refusedByRate()).toBeGreaterThan(0);
  expect(rows.some((row) => row.attempts > 1)).toBe(true);
  const messages = (await stack.messages({ channel: 'zbs' })).slice(before.length);
  expect(messages.map((message) => message.trackingId).sort()).toEqual(rows.map((row) => row.id).sort());
  expect(messages.filter((message) => message.duplicateOfTrackingId)).toEqual([]);
});

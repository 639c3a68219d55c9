// The limits a Zalo notification waits or gives way for, through the proxy's worker and the sandbox's Zalo over real
// HTTP with a clock the test moves: the mini app channel's own rules (a citizen who has not opened the app for 7
// days; the app's daily limit, here 2 instead of Zalo's 1,000, with NOTIFY_FALLBACK=wait and =next), Zalo's clock
// refusing in quiet hours (-133, -234), and Zalo down for an hour (everything pending goes once when it is back).
import type { Config } from '../../src/config';
import { DEMO_CITIZENS, type DemoCitizen, type NotificationRows, type NotifyStack, startNotifyStack } from '../support/notify-stack';

const APP_DAILY_LIMIT = 2;
const HOUR_MS = 3_600_000;
let stack: NotifyStack;
let baseConfig: Config;

beforeAll(async () => {
  stack = await startNotifyStack({ env: { NOTIFY_MINI_APP_DAILY_LIMIT: String(APP_DAILY_LIMIT), ZALO_RETRIES: '0' } });
  baseConfig = stack.workerConfig;
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  await stack.zalo('DELETE', '/faults');
  // Each test starts on a day nothing was sent yet (no channel paused) with the worker as configured.
  stack.clock.moveTo(23, 0);
  stack.clock.moveTo(9, 0);
  if (stack.workerConfig !== baseConfig) await stack.restartWorker({ config: baseConfig });
});

/** The worker's configuration with some notification settings changed. */
function withNotifications(change: Partial<Config['notifications']>): Config {
  return { ...baseConfig, notifications: { ...baseConfig.notifications, ...change } };
}

async function rowWhere(applicationId: string, what: string, predicate: (row: NotificationRows[number]) => boolean) {
  return stack.until(async () => (await stack.zaloRows(applicationId)).find(predicate), what);
}

const miniAppMessagesTo = async (demo: DemoCitizen) =>
  (await stack.messages({ userId: demo.id })).filter((message) => message.channel === 'mini-app');
const zbsMessagesTo = async (demo: DemoCitizen) =>
  (await stack.messages({ phone: demo.phone })).filter((message) => message.channel === 'zbs');

/** The inbox of a demo citizen, signed in afresh (the clock may have moved past their session). */
const inboxKinds = async (demo: DemoCitizen) => stack.inboxKinds(await stack.signIn(demo));

describe('the mini app channel: only citizens who used the app in the last 7 days', () => {
  it('a citizen away for 8 days gets no mini app notification (failed for good, Zalo not called); the inbox and the phone still carry it', async () => {
    const demo = DEMO_CITIZENS[0];
    const { applicationId, dossierId } = await stack.subscribedApplication(demo, { miniApp: true, phone: true });
    await stack.settled(applicationId, 2);
    expect(await miniAppMessagesTo(demo)).toHaveLength(1);

    stack.clock.advance(8 * 24 * HOUR_MS);
    await stack.officer(dossierId, 'request-supplement', { documents: ['Giấy chứng sinh bản chính'] });
    const rows = await stack.settled(applicationId, 4);
    expect(rows.filter((row) => row.kind === 'supplement-required').map((row) => [row.channel, row.state, row.error_code, row.attempts])).toEqual([
      ['mini-app', 'permanent-failure', 'NOT_SEEN_7_DAYS', 0],
      ['zbs', 'delivered', null, 1],
    ]);
    expect(await miniAppMessagesTo(demo)).toHaveLength(1);
    expect((await zbsMessagesTo(demo)).map((message) => message.trackingId)).toEqual(rows.filter((row) => row.channel === 'zbs').map((row) => row.id));
    expect(await inboxKinds(demo)).toEqual(['supplement-required', 'received']);
  });
});

describe(`the app's daily limit for mini app notifications (NOTIFY_MINI_APP_DAILY_LIMIT=${APP_DAILY_LIMIT})`, () => {
  /** The first citizens of the day use up the app's limit. */
  async function useUpTheDay(demos: DemoCitizen[]) {
    for (const demo of demos) {
      const { applicationId } = await stack.subscribedApplication(demo, { miniApp: true });
      expect((await stack.settled(applicationId, 1))[0]).toMatchObject({ channel: 'mini-app', state: 'delivered' });
    }
  }

  it('NOTIFY_FALLBACK=wait: the next citizen’s message waits for tomorrow without calling Zalo, the channel paused; then it goes once', async () => {
    await stack.restartWorker({ config: withNotifications({ fallback: 'wait' }) });
    await useUpTheDay([DEMO_CITIZENS[1], DEMO_CITIZENS[2]]);

    const third = DEMO_CITIZENS[3];
    const { applicationId } = await stack.subscribedApplication(third, { miniApp: true });
    const waiting = await rowWhere(applicationId, 'the message waiting for the app’s limit', (row) => row.error_code === 'APP_DAILY_LIMIT');
    expect(waiting).toMatchObject({ channel: 'mini-app', state: 'created', attempts: 0 });
    expect(new Date(waiting.next_attempt_at as Date).toISOString()).toMatch(/T23:00:00\.000Z$/); // 06:00 in Vietnam
    const { rows: paused } = await stack.t.db.query<{ paused_until: Date; pause_reason: string }>(
      `select paused_until, pause_reason from notification_channels where channel = 'mini-app'`,
    );
    expect(paused).toEqual([{ paused_until: waiting.next_attempt_at, pause_reason: 'APP_DAILY_LIMIT' }]);
    // Time passes within the day: the sweep finds it not due, and a send of it now does nothing.
    stack.clock.advance(2 * HOUR_MS);
    expect((await stack.sweepNow()).map((sent) => sent.notificationId)).not.toContain(waiting.id);
    expect(await stack.sendNow(waiting.id)).toBe('nothing-to-do');
    expect(await miniAppMessagesTo(third)).toHaveLength(0);
    expect(await inboxKinds(third)).toEqual(['received']);

    stack.clock.moveTo(6, 0);
    const [row] = await stack.settled(applicationId, 1);
    expect(row).toMatchObject({ state: 'delivered', attempts: 1, error_code: null });
    expect(await miniAppMessagesTo(third)).toHaveLength(1);
  });

  it('NOTIFY_FALLBACK=next: a citizen who also chose the phone gets it by phone, and the mini app message gives way', async () => {
    await stack.restartWorker({ config: withNotifications({ fallback: 'next' }) });
    await useUpTheDay([DEMO_CITIZENS[4], DEMO_CITIZENS[5]]);

    const third = DEMO_CITIZENS[1];
    const before = (await miniAppMessagesTo(third)).length;
    const { applicationId } = await stack.subscribedApplication(third, { miniApp: true, phone: true });
    const rows = await stack.settled(applicationId, 2);
    expect(rows.map((row) => [row.channel, row.state, row.error_code])).toEqual([
      ['mini-app', 'permanent-failure', 'APP_DAILY_LIMIT'],
      ['zbs', 'delivered', null],
    ]);
    expect(await miniAppMessagesTo(third)).toHaveLength(before);
    expect((await zbsMessagesTo(third)).map((message) => message.trackingId)).toContain(rows[1].id);
  });
});

describe('Zalo’s clock says quiet hours', () => {
  it('-133 by day: tried again ten minutes later, sent once', async () => {
    const demo = DEMO_CITIZENS[2];
    await stack.addFault({ channel: 'zbs', mode: 'error', error: -133, times: 1 });
    const refusedAt = stack.clock.now();
    const { applicationId } = await stack.subscribedApplication(demo, { phone: true });
    const refused = await rowWhere(applicationId, 'the message refused for quiet hours', (row) => row.error_code === '-133');
    expect(refused).toMatchObject({ channel: 'zbs', state: 'temporary-failure', attempts: 1 });
    const retryIn = new Date(refused.next_attempt_at as Date).getTime() - refusedAt.getTime();
    expect(retryIn).toBeGreaterThanOrEqual(10 * 60_000);
    expect(retryIn).toBeLessThan(11 * 60_000);

    stack.clock.advance(11 * 60_000);
    const [row] = await stack.settled(applicationId, 1);
    expect(row).toMatchObject({ state: 'delivered', attempts: 2 });
    expect((await zbsMessagesTo(demo)).filter((message) => message.trackingId === row.id)).toHaveLength(1);
  });

  it('-234 at 21:55: ten minutes later is our quiet hours, so it waits for 06:00', async () => {
    const demo = DEMO_CITIZENS[3];
    stack.clock.moveTo(21, 55);
    await stack.addFault({ channel: 'zbs', mode: 'error', error: -234, times: 1 });
    const { applicationId } = await stack.subscribedApplication(demo, { phone: true });
    const refused = await rowWhere(applicationId, 'the message refused for quiet hours', (row) => row.error_code === '-234');
    expect(refused).toMatchObject({ state: 'temporary-failure', attempts: 1 });
    expect(new Date(refused.next_attempt_at as Date).toISOString()).toMatch(/T23:00:00\.000Z$/);

    stack.clock.moveTo(6, 0);
    const [row] = await stack.settled(applicationId, 1);
    expect(row).toMatchObject({ state: 'delivered', attempts: 2 });
  });
});

describe('Zalo down for an hour', () => {
  it('every pending message is retried with backoff meanwhile and sent once when Zalo is back', async () => {
    // The production backoff: 30 s doubling up to 30 minutes (the stack's own is fractions of a second).
    await stack.restartWorker({
      config: withNotifications({ retry: { ...baseConfig.notifications.retry, delaySeconds: 30, maxDelaySeconds: 1800 } }),
    });
    await stack.addFault({ mode: 'http-503', channel: 'mini-app' });
    await stack.addFault({ mode: 'http-503', channel: 'zbs' });
    const demos = [DEMO_CITIZENS[4], DEMO_CITIZENS[5]];
    const sentTo = async (demo: DemoCitizen) => [(await miniAppMessagesTo(demo)).length, (await zbsMessagesTo(demo)).length];
    const before = await Promise.all(demos.map(sentTo));
    const applications = [];
    for (const demo of demos) applications.push(await stack.subscribedApplication(demo, { miniApp: true, phone: true }));
    for (const { applicationId } of applications) {
      await stack.until(async () => {
        const rows = await stack.zaloRows(applicationId);
        return rows.length === 2 && rows.every((row) => row.state === 'temporary-failure') ? true : undefined;
      }, 'the first attempts refused');
    }

    // An hour in five-minute steps, the sweep and the sends it enqueues run by hand at each (the worker stopped, so
    // that no send of its own is still under way when the clock moves).
    await stack.worker.close();
    for (let minutes = 0; minutes < 60; minutes += 5) {
      stack.clock.advance(5 * 60_000);
      await stack.sweepNow();
    }
    for (const { applicationId } of applications) {
      const rows = await stack.zaloRows(applicationId);
      expect(rows.map((row) => [row.channel, row.state, row.error_code])).toEqual([
        ['mini-app', 'temporary-failure', 'HTTP_503'],
        ['zbs', 'temporary-failure', 'HTTP_503'],
      ]);
      // Retried with backoff, not hammered: a handful of attempts in the hour, far from the retry limit.
      for (const row of rows) {
        expect(row.attempts).toBeGreaterThanOrEqual(2);
        expect(row.attempts).toBeLessThanOrEqual(9);
      }
    }
    expect(await Promise.all(demos.map(sentTo))).toEqual(before);

    await stack.restartWorker();
    await stack.zalo('DELETE', '/faults');
    stack.clock.advance(31 * 60_000); // past the longest backoff (30 minutes) of every row
    for (const { applicationId } of applications) {
      expect((await stack.settled(applicationId, 2)).map((row) => row.state)).toEqual(['delivered', 'delivered']);
    }
    // Exactly one more message per citizen and channel.
    expect(await Promise.all(demos.map(sentTo))).toEqual(before.map(([miniApp, zbs]) => [miniApp + 1, zbs + 1]));
  });
});

// Notifications when things go wrong, through the proxy's worker and the sandbox's Zalo over real HTTP: the day's ZBS
// quota used up (the rest waits for the next day), recipients Zalo refuses for good (never retried), the OA token
// expired (refreshed once, the new pair stored; an installed pair replaces the stored one), the worker dying in the
// middle of a send or a send timing out (still exactly one message). Every log line of it is searched for phones,
// tokens and keys.
import { Writable } from 'node:stream';
import pino from 'pino';
import { createNotificationDelivery, type NotificationDelivery } from '../../src/services/notification-delivery/notification-delivery';
import { createZaloNotificationClient, type ZaloNotificationClient } from '../../src/clients/zalo-notification-client';
import { refreshOaAccessToken } from '../../src/services/zalo-oa-tokens';
import { createLogger } from '../../src/plugins/request-log';
import {
  DEMO_CITIZENS,
  type NotifyStack,
  type SignedInCitizen,
  STACK_APP_SECRET,
  STACK_MINI_APP_API_KEY,
  STACK_OA_TOKENS,
  STACK_ZALO_WEBHOOK_SECRET,
  startNotifyStack,
} from '../support/notify-stack';

const logLines: string[] = [];
let stack: NotifyStack;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  stack = await startNotifyStack({ logger: createLogger('trace', stream) });
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  await stack.zalo('DELETE', '/faults');
});

/** The proxy's Zalo client against the stack's sandbox, without retries (each test sees the first answer). */
const sandboxZaloClient = () =>
  createZaloNotificationClient({
    miniAppApiUrl: stack.sandboxUrl,
    miniAppApiKey: STACK_MINI_APP_API_KEY,
    appId: stack.t.config.zalo.appId,
    businessApiUrl: stack.sandboxUrl,
    oauthUrl: stack.sandboxUrl,
    appSecret: STACK_APP_SECRET,
    timeoutMs: 2000,
    retries: 0,
  });

describe('the ZBS quota', () => {
  it('when Zalo reports 0 left, the rest waits for the next day without calling Zalo, then goes once', async () => {
    await stack.zalo('PUT', '/quota', { remainingQuota: 1 });
    const { citizen, applicationId, dossierId } = await stack.subscribedApplication(DEMO_CITIZENS[0], { phone: true });
    expect((await stack.settled(applicationId, 1))[0]).toMatchObject({ state: 'delivered', kind: 'received' });
    expect((await stack.zalo('GET', '/quota')).remainingQuota).toBe(0);

    const today = stack.clock.now();
    await stack.officer(dossierId, 'request-supplement', { documents: ['Giấy chứng sinh bản chính'] });
    const waiting = await stack.until(async () => {
      const row = (await stack.zaloRows(applicationId)).find((candidate) => candidate.kind === 'supplement-required');
      return row?.error_code === 'QUOTA_EXHAUSTED' ? row : undefined;
    }, 'the supplement message waiting for the quota');
    expect(waiting).toMatchObject({ state: 'created', attempts: 0 });
    const next = new Date(waiting.next_attempt_at as Date);
    expect(next.getTime() - today.getTime()).toBeLessThan(24 * 3_600_000);
    expect(next.toISOString()).toMatch(/T23:00:00\.000Z$/); // 06:00 in Vietnam
    // The citizen still has it in the app.
    expect(await stack.inboxKinds(citizen)).toEqual(['supplement-required', 'received']);
    // Not due today: the sweep leaves it, and a send of it now does nothing.
    expect((await stack.sweepNow()).map((sent) => sent.notificationId)).not.toContain(waiting.id);
    expect(await stack.sendNow(waiting.id)).toBe('nothing-to-do');
    expect(await stack.messages({ phone: DEMO_CITIZENS[0].phone })).toHaveLength(1);

    stack.clock.moveTo(6, 1);
    const rows = await stack.settled(applicationId, 2);
    expect(rows.map((row) => [row.kind, row.state, row.attempts])).toEqual([
      ['received', 'delivered', 1],
      ['supplement-required', 'delivered', 1],
    ]);
    expect(await stack.messages({ phone: DEMO_CITIZENS[0].phone })).toHaveLength(2);
  });

  it('when Zalo itself answers -144, the message is retried the next day', async () => {
    stack.clock.moveTo(9, 0);
    const { applicationId, dossierId } = await stack.subscribedApplication(DEMO_CITIZENS[0], { phone: true });
    await stack.settled(applicationId, 1);
    await stack.zalo('PUT', '/quota', { remainingQuota: 0 });
    await stack.officer(dossierId, 'request-fee', { amount: 50000, description: 'Phí', paymentMethod: 'Nộp tại xã' });
    const failed = await stack.until(async () => {
      const row = (await stack.zaloRows(applicationId)).find((candidate) => candidate.kind === 'fee-required');
      return row?.state === 'temporary-failure' ? row : undefined;
    }, 'the fee message refused for the quota');
    expect(failed).toMatchObject({ error_code: '-144', attempts: 1 });
    expect(new Date(failed.next_attempt_at as Date).toISOString()).toMatch(/T23:00:00\.000Z$/);

    stack.clock.moveTo(6, 0);
    const rows = await stack.settled(applicationId, 2);
    expect(rows.find((row) => row.kind === 'fee-required')).toMatchObject({ state: 'delivered', attempts: 2 });
  });
});

describe('recipients Zalo refuses for good', () => {
  it('a phone that cannot receive (-118): failed at once, never retried, nothing reaches it', async () => {
    stack.clock.moveTo(10, 0);
    await stack.zalo('PUT', `/phones/${DEMO_CITIZENS[1].phone}/mark`, { error: -118 });
    const { citizen, applicationId } = await stack.subscribedApplication(DEMO_CITIZENS[1], { phone: true });
    const [row] = await stack.settled(applicationId, 1);
    expect(row).toMatchObject({ state: 'permanent-failure', error_code: '-118', attempts: 1 });
    // The clock moves on a day: the sweep leaves it, a send of it does nothing, still one attempt.
    stack.clock.advance(26 * 3_600_000);
    expect((await stack.sweepNow()).map((sent) => sent.notificationId)).not.toContain(row.id);
    expect(await stack.sendNow(row.id)).toBe('nothing-to-do');
    expect((await stack.zaloRows(applicationId))[0]).toMatchObject({ state: 'permanent-failure', attempts: 1 });
    expect(await stack.messages({ phone: DEMO_CITIZENS[1].phone })).toEqual([]);
    expect(await stack.inboxKinds(citizen)).toEqual(['received']);
    await stack.zalo('DELETE', `/phones/${DEMO_CITIZENS[1].phone}/mark`);
  });

  it('a citizen who took the permission back inside Zalo (-141): failed, and the mini app channel turns off', async () => {
    stack.clock.moveTo(10, 0);
    const citizen = await stack.signIn(DEMO_CITIZENS[2]);
    await stack.optIn(citizen, { miniApp: true });
    await fetch(`${stack.sandboxUrl}/sandbox/zalo/notifications/deny`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken: citizen.accessToken }),
    });
    const { applicationId } = await stack.accepted(citizen);
    const [row] = await stack.settled(applicationId, 1);
    expect(row).toMatchObject({ channel: 'mini-app', state: 'permanent-failure', error_code: '-141', attempts: 1 });
    const settings = (await stack.t.app.inject({ method: 'GET', url: '/api/v1/me/notification-settings', headers: citizen.auth })).json();
    expect(settings.miniApp).toEqual({ enabled: false, allowedAt: null });
  });
});

describe('the OA token', () => {
  const storedPair = async () =>
    (await stack.t.db.query<{ access_token: string; refresh_token: string }>('select access_token, refresh_token from zalo_oa_tokens')).rows;

  it('an expired access token is refreshed once, the new pair stored, and the message sent once', async () => {
    stack.clock.moveTo(11, 0);
    const before = await stack.zalo('GET', '/oa-token');
    await stack.zalo('POST', '/oa-token/expire');
    const { applicationId } = await stack.subscribedApplication(DEMO_CITIZENS[3], { phone: true });
    const [row] = await stack.settled(applicationId, 1);
    expect(row).toMatchObject({ state: 'delivered', attempts: 1 });
    const after = await stack.zalo('GET', '/oa-token');
    expect(after.refreshes).toBe(before.refreshes + 1);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await storedPair()).toEqual([{ access_token: after.accessToken, refresh_token: after.refreshToken }]);
    expect(await stack.messages({ phone: DEMO_CITIZENS[3].phone })).toHaveLength(1);
  });

  it('workers refreshing at once refresh once: the second gets the first one’s token', async () => {
    const before = await stack.zalo('GET', '/oa-token');
    await stack.zalo('POST', '/oa-token/expire');
    const client = sandboxZaloClient();
    const deps = { db: stack.t.db, client, config: STACK_OA_TOKENS, now: stack.clock.now, log: pino({ level: 'silent' }) };
    const tokens = await Promise.all([1, 2, 3].map(() => refreshOaAccessToken(deps, before.accessToken)));
    const after = await stack.zalo('GET', '/oa-token');
    expect(after.refreshes).toBe(before.refreshes + 1);
    expect(tokens).toEqual([after.accessToken, after.accessToken, after.accessToken]);
    expect(await storedPair()).toEqual([{ access_token: after.accessToken, refresh_token: after.refreshToken }]);
  });

  it('a pair an operator installs (another ZALO_OA_REFRESH_TOKEN) replaces the stored one', async () => {
    // The operator gets a new pair from Zalo: the stored one stops working.
    const current = await stack.zalo('GET', '/oa-token');
    const res = await fetch(`${stack.sandboxUrl}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: STACK_APP_SECRET },
      body: new URLSearchParams({ app_id: stack.t.config.zalo.appId, grant_type: 'refresh_token', refresh_token: current.refreshToken }),
    });
    const installed = (await res.json()) as { access_token: string; refresh_token: string };
    await stack.restartWorker({
      config: {
        ...stack.t.config,
        notifications: {
          ...stack.t.config.notifications,
          zbs: { ...stack.t.config.notifications.zbs, accessToken: installed.access_token, refreshToken: installed.refresh_token },
        },
      },
    });
    const { applicationId } = await stack.subscribedApplication(DEMO_CITIZENS[4], { phone: true });
    const [row] = await stack.settled(applicationId, 1);
    expect(row).toMatchObject({ state: 'delivered', attempts: 1 });
    // Used as installed: no refresh was needed.
    expect((await stack.zalo('GET', '/oa-token')).refreshes).toBe(current.refreshes + 1);
    expect(await storedPair()).toEqual([{ access_token: installed.access_token, refresh_token: installed.refresh_token }]);
  });
});

describe('a worker dying in the middle of a send', () => {
  /** A handler like the worker's whose process "dies" before or after Zalo's answer (the send throws). */
  function dyingHandler(when: 'before' | 'after'): NotificationDelivery {
    const real = sandboxZaloClient();
    const die = async <T>(send: () => Promise<T>): Promise<T> => {
      if (when === 'after') await send();
      throw new Error('the worker process died');
    };
    const client: ZaloNotificationClient = {
      ...real,
      sendMiniAppNotification: (message) => die(() => real.sendMiniAppNotification(message)),
      sendTemplateMessage: (message) => die(() => real.sendTemplateMessage(message)),
    };
    return createNotificationDelivery({
      db: stack.t.db,
      jobs: { sendNotification: async () => null },
      client,
      config: stack.workerConfig,
      now: stack.clock.now,
      log: pino({ level: 'silent' }),
    });
  }

  /**
   * With the worker stopped, an officer acts; the dying handler takes the new row and dies in the middle of its send;
   * then a worker starts again (its job for the row is still queued).
   */
  async function dieDuringSend(when: 'before' | 'after', applicationId: string, act: () => Promise<void>) {
    const known = new Set((await stack.zaloRows(applicationId)).map((row) => row.id));
    await stack.worker.close();
    await act();
    const row = await stack.until(
      async () => (await stack.zaloRows(applicationId)).find((candidate) => !known.has(candidate.id)),
      'the new notification row',
    );
    await expect(dyingHandler(when).send(row.id)).rejects.toThrow('the worker process died');
    expect((await stack.zaloRows(applicationId)).find((candidate) => candidate.id === row.id)).toMatchObject({ state: 'sending', attempts: 1 });
    await stack.restartWorker();
    return row.id;
  }

  const rowOf = async (applicationId: string, id: string) => (await stack.zaloRows(applicationId)).find((row) => row.id === id);

  describe('ZBS', () => {
    let applicationId: string;
    let dossierId: string;

    beforeAll(async () => {
      stack.clock.moveTo(10, 0);
      ({ applicationId, dossierId } = await stack.subscribedApplication(DEMO_CITIZENS[5], { phone: true }));
      await stack.settled(applicationId, 1);
    });

    it('after Zalo accepted: the delivery receipt settles it; never sent again', async () => {
      const rowId = await dieDuringSend('after', applicationId, () =>
        stack.officer(dossierId, 'request-fee', { amount: 10000, description: 'Phí', paymentMethod: 'Nộp tại xã' }),
      );
      await stack.until(async () => ((await rowOf(applicationId, rowId))?.state === 'delivered' ? true : undefined), 'the receipt');
      // Past the dead worker's lease and any wait: the sweep leaves it, a send of it does nothing.
      stack.clock.advance(10 * 60_000);
      expect((await stack.sweepNow()).map((sent) => sent.notificationId)).not.toContain(rowId);
      expect(await stack.sendNow(rowId)).toBe('nothing-to-do');
      expect(await rowOf(applicationId, rowId)).toMatchObject({ state: 'delivered', attempts: 1 });
      expect((await stack.messages({ trackingId: rowId })).map((message) => message.duplicateOfTrackingId)).toEqual([false]);
    });

    it('before Zalo was called: after the lease and the receipt wait, sent once', async () => {
      await stack.officer(dossierId, 'start-processing');
      const rowId = await dieDuringSend('before', applicationId, () =>
        stack.officer(dossierId, 'request-supplement', { documents: ['Sổ hộ khẩu'] }),
      );
      // The dead worker's lease runs out: the outcome is unknown, so the proxy waits for a receipt…
      stack.clock.advance(60_000);
      await stack.until(async () => ((await rowOf(applicationId, rowId))?.error_code === 'OUTCOME_UNKNOWN' ? true : undefined), 'the unknown outcome');
      expect(await stack.messages({ trackingId: rowId })).toEqual([]);
      // … none comes: it sends again, once.
      stack.clock.advance(5_000);
      await stack.until(async () => ((await rowOf(applicationId, rowId))?.state === 'delivered' ? true : undefined), 'the resend');
      expect(await rowOf(applicationId, rowId)).toMatchObject({ attempts: 2 });
      expect((await stack.messages({ trackingId: rowId })).map((message) => message.duplicateOfTrackingId)).toEqual([false]);
    });

    it('a send that times out (Zalo never answered): sent once after the receipt wait', async () => {
      await stack.officer(dossierId, 'start-processing');
      await stack.addFault({ channel: 'zbs', mode: 'slow', delayMs: 5000, times: 1 });
      await stack.officer(dossierId, 'mark-result-ready', { pickupPlace: 'Bộ phận một cửa', pickupMethod: 'Nhận trực tiếp' });
      const unknown = await stack.until(async () => {
        const row = (await stack.zaloRows(applicationId)).find((candidate) => candidate.kind === 'result-ready');
        return row?.error_code === 'OUTCOME_UNKNOWN' ? row : undefined;
      }, 'the timed-out send');
      stack.clock.advance(5_000);
      await stack.until(async () => ((await rowOf(applicationId, unknown.id))?.state === 'delivered' ? true : undefined), 'the resend');
      expect((await stack.messages({ trackingId: unknown.id })).map((message) => message.duplicateOfTrackingId)).toEqual([false]);
    });

    it('a new row whose job was lost: the sweep leaves it to its job for a minute, then it is sent once', async () => {
      await stack.worker.close();
      const known = new Set((await stack.zaloRows(applicationId)).map((row) => row.id));
      await stack.officer(dossierId, 'return-result');
      const row = await stack.until(async () => (await stack.zaloRows(applicationId)).find((candidate) => !known.has(candidate.id)), 'the new row');
      const lost = await stack.t.db.query(
        `delete from ${stack.t.config.jobs.schema}.job where name = 'send-notification' and data->>'notificationId' = $1 returning id`,
        [row.id],
      );
      expect(lost.rowCount).toBe(1);
      const enqueued: string[] = [];
      const sweeper = createNotificationDelivery({
        db: stack.t.db,
        jobs: { sendNotification: async (_db, job) => (enqueued.push(job.notificationId), null) },
        client: sandboxZaloClient(),
        config: stack.workerConfig,
        now: stack.clock.now,
        log: pino({ level: 'silent' }),
      });
      await sweeper.sweep();
      expect(enqueued).not.toContain(row.id);
      stack.clock.advance(61_000);
      await sweeper.sweep();
      expect(enqueued).toContain(row.id);

      await stack.restartWorker();
      await stack.until(async () => ((await rowOf(applicationId, row.id))?.state === 'delivered' ? true : undefined), 'the rescued send');
      expect((await stack.messages({ trackingId: row.id })).map((message) => message.duplicateOfTrackingId)).toEqual([false]);
    });
  });

  describe('mini app', () => {
    let citizen: SignedInCitizen;
    let applicationId: string;
    let dossierId: string;
    const mine = async () => (await stack.messages({ userId: DEMO_CITIZENS[2].id })).filter((message) => message.channel === 'mini-app');

    beforeAll(async () => {
      stack.clock.moveTo(10, 0);
      citizen = await stack.signIn(DEMO_CITIZENS[2]);
      // Accepted first, with the channel off (today's one mini app message is still free); then allowed.
      ({ applicationId, dossierId } = await stack.accepted(citizen));
      await stack.optIn(citizen, { miniApp: true });
    });

    it('after Zalo accepted: repeated the same day, Zalo’s one-a-day answer confirms it; one message', async () => {
      const before = (await mine()).length;
      const rowId = await dieDuringSend('after', applicationId, () =>
        stack.officer(dossierId, 'request-fee', { amount: 10000, description: 'Phí', paymentMethod: 'Nộp tại xã' }),
      );
      stack.clock.advance(60_000);
      await stack.until(async () => ((await rowOf(applicationId, rowId))?.state === 'delivered' ? true : undefined), 'the confirmation');
      expect(await rowOf(applicationId, rowId)).toMatchObject({ attempts: 2, error_code: 'CONFIRMED_BY_DAILY_LIMIT' });
      expect(await mine()).toHaveLength(before + 1);
    });

    it('before Zalo was called: repeated the same day, sent once', async () => {
      stack.clock.moveTo(10, 0);
      await stack.officer(dossierId, 'start-processing');
      const before = (await mine()).length;
      const rowId = await dieDuringSend('before', applicationId, () =>
        stack.officer(dossierId, 'request-supplement', { documents: ['Sổ hộ khẩu'] }),
      );
      stack.clock.advance(60_000);
      await stack.until(async () => ((await rowOf(applicationId, rowId))?.state === 'delivered' ? true : undefined), 'the repeat');
      expect(await rowOf(applicationId, rowId)).toMatchObject({ attempts: 2, error_code: null });
      expect(await mine()).toHaveLength(before + 1);
    });
  });
});

test('the logs of all this hold no phone number, token or key', async () => {
  const oa = await stack.zalo('GET', '/oa-token');
  const secrets = [
    ...DEMO_CITIZENS.flatMap((demo) => [demo.phone, `0${demo.phone.slice(2)}`]),
    STACK_OA_TOKENS.accessToken,
    STACK_OA_TOKENS.refreshToken,
    oa.accessToken,
    oa.refreshToken,
    STACK_MINI_APP_API_KEY,
    STACK_ZALO_WEBHOOK_SECRET,
    STACK_APP_SECRET,
  ];
  expect(logLines.length).toBeGreaterThan(50);
  // The notification work was logged, by ids and codes.
  const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ msg: 'OA access token refreshed' }),
      expect.objectContaining({ msg: 'notification cannot reach this citizen: not retried', zaloCode: -118 }),
      expect.objectContaining({ route: '/api/v1/webhooks/zalo', statusCode: 200 }),
    ]),
  );
  const log = logLines.join('\n');
  for (const secret of secrets) expect([secret, log.includes(secret)]).toEqual([secret, false]);
});

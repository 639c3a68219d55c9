// Notifications end to end through the proxy's worker and the sandbox's Zalo over real HTTP: an officer acts in the
// simulated one-stop system, its signed webhook reaches the proxy, and the citizen's phone gets exactly one message per
// status event and chosen channel — also when the one-stop webhook arrives again, and under 20% injected transient
// failures. Nothing is sent in quiet hours (the test moves the clock); delivery receipts mark messages delivered; a
// forged or replayed Zalo webhook changes nothing.
import { createHash } from 'node:crypto';
import { deliverRaw } from '../support/status-webhooks';
import {
  DEMO_CITIZENS,
  rowsByChannel,
  type SandboxMessage,
  STACK_ONE_STOP_WEBHOOK_SECRET,
  STACK_ZALO_WEBHOOK_SECRET,
  type NotifyStack,
  startNotifyStack,
} from '../support/notify-stack';
import { fromVietnamLocal, toVietnamLocal } from '@lao-cai-so/domain/working-days';

let stack: NotifyStack;

beforeAll(async () => {
  // No retries inside a call: every injected failure shows as a retried row.
  stack = await startNotifyStack({ env: { ZALO_RETRIES: '0' } });
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  await stack.zalo('DELETE', '/faults');
});

const supplement = { documents: ['Bản sao giấy chứng nhận kết hôn của cha mẹ'], note: 'Nộp bản chụp rõ nét.' };

/** No tracking id sent twice, no two mini app messages for one (user, title, day) among these. */
function expectNoDuplicates(messages: SandboxMessage[]) {
  expect(messages.filter((message) => message.duplicateOfTrackingId)).toEqual([]);
  const zbs = messages.filter((message) => message.channel === 'zbs').map((message) => message.trackingId);
  expect(new Set(zbs).size).toBe(zbs.length);
}

describe('a status change reaches the citizen in Zalo, once per channel', () => {
  it('supplement requested: one mini app notification and one ZBS message with the button to the dossier; receipts mark delivered', async () => {
    const { citizen, applicationId, dossierId } = await stack.subscribedApplication(DEMO_CITIZENS[0], { miniApp: true, phone: true });
    // The "received" messages first (one mini app notification a day: that one uses today's).
    await stack.settled(applicationId, 2);
    stack.clock.moveTo(9, 0);
    await stack.officer(dossierId, 'request-supplement', supplement);
    const rows = await stack.settled(applicationId, 4);

    const zalo = rows.filter((row) => row.kind === 'supplement-required');
    expect(zalo.map((row) => [row.channel, row.state, row.attempts])).toEqual([
      ['mini-app', 'delivered', 1],
      ['zbs', 'delivered', 1],
    ]);
    const link = `https://zalo.me/s/1234567890123456789/?application=${applicationId}`;
    const mine = await stack.messages({ userId: DEMO_CITIZENS[0].id });
    const forThisEvent = mine
      .filter((message) => JSON.stringify(message.data).includes('bổ sung'))
      .sort((a, b) => a.channel.localeCompare(b.channel));
    expect(forThisEvent).toEqual([
      expect.objectContaining({
        channel: 'mini-app',
        trackingId: null,
        data: {
          title: 'Hồ sơ cần bổ sung giấy tờ',
          contentTitle: 'Đăng ký khai sinh',
          contentDescription: expect.stringMatching(
            /^Đăng ký khai sinh — mã hồ sơ \S+: cơ quan yêu cầu bổ sung Bản sao giấy chứng nhận kết hôn của cha mẹ\. Mở hồ sơ để gửi bổ sung\.$/,
          ),
          buttonText: 'Xem hồ sơ',
          buttonUrl: link,
        },
      }),
      expect.objectContaining({
        channel: 'zbs',
        trackingId: zalo[1].id,
        phone: DEMO_CITIZENS[0].phone,
        templateId: stack.t.config.notifications.zbs.templates['action-required'],
        data: {
          procedure_name: 'Đăng ký khai sinh',
          receipt_code: expect.any(String),
          status: 'Hồ sơ cần bổ sung giấy tờ',
          detail: 'cơ quan yêu cầu bổ sung Bản sao giấy chứng nhận kết hôn của cha mẹ. Mở hồ sơ để gửi bổ sung.',
          link,
        },
        duplicateOfTrackingId: false,
      }),
    ]);
    expectNoDuplicates(mine);
    // The ZBS row got Zalo's msg_id; its receipt is recorded once.
    expect(zalo[1].provider_msg_id).toBe(forThisEvent[1].msgId);
    const { rows: receipts } = await stack.t.db.query('select msg_id, notification_id from zalo_delivery_receipts where notification_id = $1', [
      zalo[1].id,
    ]);
    expect(receipts).toEqual([{ msg_id: forThisEvent[1].msgId, notification_id: zalo[1].id }]);

    // The inbox has it too, unread.
    const inbox = (await stack.t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: citizen.auth })).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'supplement-required', applicationId, readAt: null });
    expect(inbox.unreadCount).toBe(2);
  });

  it('processing stopped: the “closed” template and the mini app message give the officer’s reason; starting processing sends nothing', async () => {
    const demo = DEMO_CITIZENS[2];
    const { applicationId, dossierId } = await stack.subscribedApplication(demo, { miniApp: true, phone: true });
    await stack.settled(applicationId, 2);
    stack.clock.moveTo(9, 0);
    await stack.officer(dossierId, 'start-processing');
    await stack.officer(dossierId, 'stop', { reason: 'Người yêu cầu đã chuyển hộ khẩu sang tỉnh khác' });
    const rows = await stack.settled(applicationId, 4);
    expect(rows.map((row) => [row.kind, row.channel, row.state])).toEqual([
      ['received', 'mini-app', 'delivered'],
      ['received', 'zbs', 'delivered'],
      ['stopped', 'mini-app', 'delivered'],
      ['stopped', 'zbs', 'delivered'],
    ]);

    const detail = 'cơ quan đã dừng xử lý hồ sơ. Lý do: Người yêu cầu đã chuyển hộ khẩu sang tỉnh khác. Mở hồ sơ để xem chi tiết.';
    const link = `https://zalo.me/s/1234567890123456789/?application=${applicationId}`;
    const stopped = (await stack.messages({ userId: demo.id })).filter((message) => JSON.stringify(message.data).includes('dừng xử lý'));
    expect(stopped.sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      expect.objectContaining({
        channel: 'mini-app',
        data: expect.objectContaining({ title: 'Hồ sơ đã dừng xử lý', contentDescription: expect.stringContaining(detail), buttonUrl: link }),
      }),
      expect.objectContaining({
        channel: 'zbs',
        trackingId: rows[3].id,
        templateId: stack.t.config.notifications.zbs.templates.closed,
        data: { procedure_name: 'Đăng ký khai sinh', receipt_code: expect.any(String), status: 'Hồ sơ đã dừng xử lý', detail, link },
      }),
    ]);
  });

  it('the one-stop webhooks delivered again (a retry, a replay) send nothing more', async () => {
    const { applicationId } = await stack.subscribedApplication(DEMO_CITIZENS[1], { miniApp: true, phone: true });
    await stack.settled(applicationId, 2);
    const before = await stack.messages({ userId: DEMO_CITIZENS[1].id });
    expect(before.map((message) => message.channel).sort()).toEqual(['mini-app', 'zbs']);

    const webhooks = (await stack.statusWebhooks()).filter((delivery) => delivery.MaHoSoLienThong === applicationId);
    expect(webhooks.length).toBeGreaterThan(0);
    for (const webhook of [...webhooks, ...webhooks]) {
      const raw = typeof webhook.body === 'string' ? webhook.body : JSON.stringify(webhook.body);
      const timestamp = Math.floor(stack.clock.now().getTime() / 1000);
      const res = await deliverRaw(stack.t.app, raw, { secret: STACK_ONE_STOP_WEBHOOK_SECRET, timestamp });
      expect(res.json()).toEqual({ received: true, duplicate: true });
    }
    // Past the minute the sweep leaves a new row to its job: it finds nothing of this application to send.
    stack.clock.advance(61_000);
    const rows = await rowsByChannel(stack.t.db, applicationId);
    expect(rows).toHaveLength(3);
    const ids = rows.map((row) => row.id);
    expect((await stack.sweepNow()).filter((sent) => ids.includes(sent.notificationId))).toEqual([]);
    expect(await stack.messages({ userId: DEMO_CITIZENS[1].id })).toEqual(before);
  });
});

describe('a backlog', () => {
  it('sends the newest news: a message overtaken by a newer event of the same dossier before it could go is not sent', async () => {
    stack.clock.moveTo(9, 30);
    const citizen = await stack.signIn(DEMO_CITIZENS[0]);
    const { applicationId, dossierId } = await stack.accepted(citizen);
    await stack.settled(applicationId, 2);
    const before = await stack.messages({ userId: DEMO_CITIZENS[0].id });
    // The worker is down while the officer asks for a fee and, the fee paid at the desk, marks the result ready.
    await stack.worker.close();
    // The next day: today's mini app message went with "received".
    stack.clock.moveTo(9, 0);
    await stack.officer(dossierId, 'request-fee', { amount: 8000, description: 'Lệ phí', paymentMethod: 'Nộp tại xã' });
    await stack.officer(dossierId, 'start-processing');
    await stack.officer(dossierId, 'mark-result-ready', { pickupPlace: 'Bộ phận một cửa xã Khao Mang', pickupMethod: 'Nhận trực tiếp' });
    await stack.restartWorker();
    const rows = await stack.settled(applicationId, 6);
    expect(rows.filter((row) => row.kind !== 'received').map((row) => [row.kind, row.channel, row.state, row.error_code])).toEqual([
      ['fee-required', 'mini-app', 'permanent-failure', 'SUPERSEDED'],
      ['fee-required', 'zbs', 'permanent-failure', 'SUPERSEDED'],
      ['result-ready', 'mini-app', 'delivered', null],
      ['result-ready', 'zbs', 'delivered', null],
    ]);
    const after = await stack.messages({ userId: DEMO_CITIZENS[0].id });
    expect(after.slice(before.length).map((message) => message.data.title ?? message.data.status)).toEqual([
      'Hồ sơ đã có kết quả',
      'Hồ sơ đã có kết quả',
    ]);
    // The inbox keeps both.
    const inbox = (await stack.t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: citizen.auth })).json();
    expect(inbox.items.slice(0, 2).map((item: { kind: string }) => item.kind)).toEqual(['result-ready', 'fee-required']);
  });
});

describe('quiet hours', () => {
  it('nothing goes out 22:00–06:00; at 06:00 each waiting message is sent once', async () => {
    const citizen = await stack.signIn(DEMO_CITIZENS[2]);
    await stack.optIn(citizen, { miniApp: true, phone: true });
    stack.clock.moveTo(21, 30);
    const { applicationId, dossierId } = await stack.accepted(citizen);
    await stack.settled(applicationId, 2);
    const sent = (await stack.messages({ userId: DEMO_CITIZENS[2].id })).length;

    const evening = stack.clock.moveTo(22, 30);
    await stack.officer(dossierId, 'request-fee', { amount: 25000, description: 'Lệ phí cấp bản sao', paymentMethod: 'Nộp tại xã' });
    const local = toVietnamLocal(evening);
    const sixAm = fromVietnamLocal({ year: local.year, month: local.month, day: local.day + 1, hour: 6, minute: 0, second: 0 });
    // The worker looked at both and set them to wait for 06:00.
    const waiting = await stack.until(async () => {
      const rows = (await stack.zaloRows(applicationId)).filter((row) => row.kind === 'fee-required');
      return rows.length === 2 && rows.every((row) => row.next_attempt_at && new Date(row.next_attempt_at).getTime() >= sixAm.getTime())
        ? rows
        : undefined;
    }, 'both fee messages waiting');
    expect(waiting.map((row) => [row.state, row.attempts, new Date(row.next_attempt_at as Date).toISOString()])).toEqual([
      ['created', 0, sixAm.toISOString()],
      ['created', 0, sixAm.toISOString()],
    ]);
    // At 05:59 the sweep finds neither due, and a send of either does nothing.
    stack.clock.moveTo(5, 59);
    const due = (await stack.sweepNow()).map((swept) => swept.notificationId);
    for (const row of waiting) {
      expect(due).not.toContain(row.id);
      expect(await stack.sendNow(row.id)).toBe('nothing-to-do');
    }
    expect(await stack.messages({ userId: DEMO_CITIZENS[2].id })).toHaveLength(sent);

    stack.clock.moveTo(6, 0);
    const rows = await stack.settled(applicationId, 4);
    expect(rows.filter((row) => row.kind === 'fee-required').map((row) => [row.channel, row.state, row.attempts])).toEqual([
      ['mini-app', 'delivered', 1],
      ['zbs', 'delivered', 1],
    ]);
    const after = await stack.messages({ userId: DEMO_CITIZENS[2].id });
    expect(after).toHaveLength(sent + 2);
    expect(after.slice(sent).every((message) => new Date(message.receivedAt) >= sixAm)).toBe(true);
    expectNoDuplicates(after);
  });
});

describe('under 20% transient failures', () => {
  it('every message arrives exactly once', async () => {
    stack.clock.moveTo(8, 0);
    await stack.addFault({ channel: 'zbs', error: -32, rate: 0.2, seed: 7 });
    await stack.addFault({ channel: 'mini-app', mode: 'http-503', rate: 0.2, seed: 11 });
    const citizens = await Promise.all(DEMO_CITIZENS.slice(3, 6).map((demo) => stack.signIn(demo)));
    const applications: string[] = [];
    for (const citizen of citizens) {
      await stack.optIn(citizen, { miniApp: true, phone: true });
      const { applicationId, dossierId } = await stack.accepted(citizen);
      await stack.settled(applicationId, 2);
      for (const [action, body] of [
        ['start-processing', {}],
        ['request-fee', { amount: 15000, description: 'Lệ phí', paymentMethod: 'Nộp tại xã' }],
        ['start-processing', {}],
        ['mark-result-ready', { pickupPlace: 'Bộ phận một cửa xã Khao Mang', pickupMethod: 'Nhận trực tiếp' }],
        ['return-result', {}],
      ] as const) {
        stack.clock.advance(60_000);
        await stack.officer(dossierId, action, body);
        await stack.until(async () => {
          const rows = await stack.zaloRows(applicationId);
          return rows.every((row) => ['delivered', 'permanent-failure', 'technical-failure'].includes(row.state)) ? true : undefined;
        }, `messages after ${action}`);
      }
      applications.push(applicationId);
    }

    const { rows } = await stack.t.db.query<{ channel: string; state: string; error_code: string | null; id: string; attempts: number }>(
      `select id, channel, state, error_code, attempts from notifications where application_id = any ($1::uuid[]) and channel <> 'inbox'`,
      [applications],
    );
    // received, fee-required, result-ready, returned on both channels, for three citizens.
    expect(rows).toHaveLength(3 * 4 * 2);
    const zbs = rows.filter((row) => row.channel === 'zbs');
    expect(zbs.every((row) => row.state === 'delivered')).toBe(true);
    // Mini app: one a day per citizen — the first went, the others gave way to the ZBS message (NOTIFY_FALLBACK=next).
    const miniApp = rows.filter((row) => row.channel === 'mini-app');
    expect(miniApp.filter((row) => row.state === 'delivered')).toHaveLength(3);
    expect(miniApp.filter((row) => row.state === 'permanent-failure').map((row) => row.error_code)).toEqual(
      Array(9).fill('CITIZEN_DAILY_LIMIT'),
    );
    // The faults did strike: some rows failed and were retried.
    const history = await stack.t.db.query<{ n: number }>(
      `select count(*)::int as n from notification_state_changes where state = 'temporary-failure' and notification_id = any ($1::uuid[])`,
      [rows.map((row) => row.id)],
    );
    expect(history.rows[0].n).toBeGreaterThan(0);

    const messages = await stack.messages();
    const ours = messages.filter((message) => citizens.some((citizen) => citizen.demo.id === message.userId));
    expectNoDuplicates(ours);
    // Exactly one message per delivered row: by tracking id for ZBS, by count for the mini app.
    expect(ours.filter((message) => message.channel === 'zbs').map((message) => message.trackingId).sort()).toEqual(
      zbs.map((row) => row.id).sort(),
    );
    expect(ours.filter((message) => message.channel === 'mini-app')).toHaveLength(3);
  });
});

describe('Zalo webhooks', () => {
  const sign = (signingId: string, raw: string, timestamp: string, secret: string) =>
    `mac=${createHash('sha256').update(`${signingId}${raw}${timestamp}${secret}`).digest('hex')}`;
  const post = (raw: string, signature?: string) =>
    stack.t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/zalo',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-zevent-signature': signature } : {}) },
      payload: raw,
    });

  it('a replayed receipt changes nothing; forged, unsigned or tampered ones are 401 and change nothing', async () => {
    const receipts = await stack.receipts();
    const delivered = receipts.find((receipt) => receipt.status === 'delivered');
    expect(delivered).toBeDefined();
    const raw = typeof delivered!.body === 'string' ? delivered!.body : JSON.stringify(delivered!.body);
    const body = JSON.parse(raw);
    const signature = sign('1234567890123456789', raw, body.timestamp, STACK_ZALO_WEBHOOK_SECRET);
    const count = async () => (await stack.t.db.query<{ n: number }>('select count(*)::int as n from zalo_delivery_receipts')).rows[0].n;
    const before = await count();
    const row = async () =>
      (await stack.t.db.query('select state, delivered_at, updated_at from notifications where id = $1', [body.message.tracking_id])).rows[0];
    const rowBefore = await row();

    const replay = await post(raw, signature);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ received: true, duplicate: true });

    // A receipt for another message, signed with the wrong secret, unsigned, or with its body changed after signing.
    const forgedBody = JSON.stringify({ ...body, message: { ...body.message, msg_id: 'forged-msg' } });
    for (const [payload, header] of [
      [forgedBody, sign('1234567890123456789', forgedBody, body.timestamp, 'not-the-secret')],
      [forgedBody, undefined],
      [forgedBody, signature],
      [forgedBody, 'mac=zz'],
      ['not json', sign('1234567890123456789', 'not json', body.timestamp, STACK_ZALO_WEBHOOK_SECRET)],
    ] as const) {
      const res = await post(payload, header);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('SIGNATURE_INVALID');
    }
    expect(await count()).toBe(before);
    expect(await row()).toEqual(rowBefore);

    // Correctly signed, for a message the proxy never sent: acknowledged, ignored.
    const stranger = JSON.stringify({ ...body, message: { msg_id: 'unknown-msg', tracking_id: 'nobody', delivery_time: body.timestamp } });
    const res = await post(stranger, sign('1234567890123456789', stranger, body.timestamp, STACK_ZALO_WEBHOOK_SECRET));
    expect(res.json()).toEqual({ received: true, duplicate: false, ignored: true });
    // Other events are acknowledged.
    const follow = JSON.stringify({ event_name: 'follow', timestamp: body.timestamp, follower: { id: '1' } });
    expect((await post(follow, sign('1234567890123456789', follow, body.timestamp, STACK_ZALO_WEBHOOK_SECRET))).json()).toEqual({
      received: true,
      duplicate: false,
      ignored: true,
    });
  });
});

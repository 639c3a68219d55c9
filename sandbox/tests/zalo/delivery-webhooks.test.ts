import { GIANG_THI_MY, type Json, json } from '../support/sandbox-server';
import {
  APP_ID,
  type NotifySandbox,
  OA_ID,
  WEBHOOK_SECRET,
  type ZaloWebhookReceiver,
  startNotifySandbox,
  startZaloWebhookReceiver,
  verifyZaloSignature,
  zbsBody,
} from './notify-support';

describe('delivery webhooks (user_received_message) to the proxy', () => {
  let sandbox: NotifySandbox;
  let receiver: ZaloWebhookReceiver;

  async function start(options: Parameters<typeof startNotifySandbox>[0] = {}): Promise<void> {
    receiver = await startZaloWebhookReceiver();
    sandbox = await startNotifySandbox({
      zaloWebhookUrl: receiver.url,
      zaloWebhookRetryDelaysMs: [0, 0],
      deliveryDelayMs: 0,
      ...options,
    });
  }
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const deliveries = async () => (await json(await sandbox.control('GET', '/webhooks?settle=true'))).deliveries as Json[];

  it('posts the receipt of a sent message, signed mac = sha256(app id + raw body + timestamp + secret)', async () => {
    await start({ deliveryDelayMs: 50 });
    const sent = await json(await sandbox.sendZbs());
    const [webhook] = await receiver.waitFor(1);

    const deliveredAt = String(Date.parse('2026-03-03T09:00:00+07:00') + 50);
    expect(webhook!.body).toEqual({
      app_id: APP_ID,
      oa_id: OA_ID,
      event_name: 'user_received_message',
      timestamp: deliveredAt,
      sender: { id: OA_ID },
      recipient: { id: expect.stringMatching(/^\d{19}$/) },
      message: { msg_id: sent.data.msg_id, tracking_id: zbsBody().tracking_id, delivery_time: deliveredAt },
    });
    expect(webhook!.headers['content-type']).toMatch(/^application\/json/);
    expect(webhook!.headers['x-zevent-signature']).toMatch(/^mac=[0-9a-f]{64}$/);
    expect(verifyZaloSignature(APP_ID, WEBHOOK_SECRET, webhook!.headers, webhook!.rawBody)).toBe(true);

    // What a receiver must refuse: another secret, another id, a changed body.
    expect(verifyZaloSignature(APP_ID, 'another-secret', webhook!.headers, webhook!.rawBody)).toBe(false);
    expect(verifyZaloSignature(OA_ID, WEBHOOK_SECRET, webhook!.headers, webhook!.rawBody)).toBe(false);
    const forged = webhook!.rawBody.replace(zbsBody().tracking_id, 'another-notification');
    expect(verifyZaloSignature(APP_ID, WEBHOOK_SECRET, webhook!.headers, forged)).toBe(false);

    // The recipient id is stable per phone and differs between phones.
    await sandbox.sendZbs(zbsBody({ tracking_id: 'b' }));
    await sandbox.sendZbs(zbsBody({ tracking_id: 'c', phone: '84912000102' }));
    const received = await receiver.waitFor(3);
    expect(received[1]!.body.recipient.id).toBe(webhook!.body.recipient.id);
    expect(received[2]!.body.recipient.id).not.toBe(webhook!.body.recipient.id);
  });

  it('signs with the configured signing id (e.g. the OA id) instead of the app id', async () => {
    await start({ webhookSigningId: OA_ID });
    await sandbox.sendZbs();
    const [webhook] = await receiver.waitFor(1);
    expect(verifyZaloSignature(OA_ID, WEBHOOK_SECRET, webhook!.headers, webhook!.rawBody)).toBe(true);
    expect(verifyZaloSignature(APP_ID, WEBHOOK_SECRET, webhook!.headers, webhook!.rawBody)).toBe(false);
  });

  it('lists deliveries with their attempts and the exact body sent', async () => {
    await start();
    const sent = await json(await sandbox.sendZbs());
    const listing = await json(await sandbox.control('GET', '/webhooks?settle=true'));
    expect(listing).toMatchObject({ url: receiver.url, dropping: false, count: 1 });
    expect(listing.deliveries).toEqual([
      {
        msgId: sent.data.msg_id,
        trackingId: zbsBody().tracking_id,
        timestamp: String(Date.parse('2026-03-03T09:00:00+07:00')),
        url: receiver.url,
        status: 'delivered',
        attempts: [{ at: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number) }],
        body: receiver.received[0]!.rawBody,
      },
    ]);
    expect((await sandbox.control('DELETE', '/webhooks')).status).toBe(204);
    expect(await deliveries()).toEqual([]);
  });

  it('retries a receipt the proxy answers with 5xx, with the same body and a valid signature each time', async () => {
    await start();
    receiver.answerWith(500, 503);
    await sandbox.sendZbs();
    const received = await receiver.waitFor(3);
    expect(new Set(received.map((webhook) => webhook.rawBody)).size).toBe(1);
    expect(received.every((webhook) => verifyZaloSignature(APP_ID, WEBHOOK_SECRET, webhook.headers, webhook.rawBody))).toBe(true);
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'delivered' });
    expect(delivery!.attempts.map((attempt: Json) => attempt.statusCode)).toEqual([500, 503, 200]);
  });

  it('gives up after the configured retries and says so', async () => {
    await start();
    receiver.answerWith(500, 500, 500, 500);
    await sandbox.sendZbs();
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'failed' });
    expect(delivery!.attempts).toHaveLength(3);
    expect(receiver.received).toHaveLength(3);
  });

  it('retries after a timeout: a proxy that does not answer in time', async () => {
    await start({ zaloWebhookTimeoutMs: 200 });
    receiver.answerWith(0); // hold the first request without answering
    await sandbox.sendZbs();
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'delivered' });
    expect(delivery!.attempts.map((attempt: Json) => [attempt.statusCode, attempt.error])).toEqual([
      [null, 'timeout'],
      [200, null],
    ]);
    // How long the proxy kept each attempt waiting: the held one for the whole timeout.
    expect(delivery!.attempts[0].durationMs).toBeGreaterThanOrEqual(190);
    expect(delivery!.attempts[1].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('marks receipts failed when nothing listens at the URL', async () => {
    const gone = await startZaloWebhookReceiver();
    await gone.close();
    await start({ zaloWebhookUrl: gone.url, zaloWebhookRetryDelaysMs: [0] });
    await sandbox.sendZbs();
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'failed', url: gone.url });
    expect(delivery!.attempts.map((attempt: Json) => [attempt.statusCode, attempt.error])).toEqual([
      [null, 'ECONNREFUSED'],
      [null, 'ECONNREFUSED'],
    ]);
  });

  it('drop switch: records receipts as dropped without sending; switched off, receipts flow again', async () => {
    await start();
    expect(await json(await sandbox.control('PUT', '/settings', { dropWebhooks: true }))).toEqual({ dropWebhooks: true });
    expect(await errorOfSend(sandbox, 'a')).toBe(0);
    expect((await deliveries()).map((delivery) => [delivery.trackingId, delivery.status, delivery.attempts.length])).toEqual([
      ['a', 'dropped', 0],
    ]);
    expect(receiver.received).toHaveLength(0);
    // The phone still got the message: only the receipt is lost.
    expect(await sandbox.messages('?trackingId=a')).toHaveLength(1);

    await sandbox.control('PUT', '/settings', { dropWebhooks: false });
    await errorOfSend(sandbox, 'b');
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.body.message.tracking_id).toBe('b');
    expect((await sandbox.control('PUT', '/settings', { dropWebhook: true })).status).toBe(400);
  });

  it('starts with the drop switch on when configured, and a reset restores that position', async () => {
    await start({ dropZaloWebhooks: true });
    expect(await json(await sandbox.control('GET', '/settings'))).toEqual({ dropWebhooks: true });
    await sandbox.control('PUT', '/settings', { dropWebhooks: false });
    await sandbox.control('POST', '/reset');
    expect(await json(await sandbox.control('GET', '/settings'))).toEqual({ dropWebhooks: true });
  });

  it('sends nothing for refused messages', async () => {
    await start();
    await sandbox.sendZbs(zbsBody({ phone: '0912000101' }));
    expect(await deliveries()).toEqual([]);
  });

  async function errorOfSend(target: NotifySandbox, trackingId: string): Promise<number> {
    return (await json(await target.sendZbs(zbsBody({ tracking_id: trackingId })))).error as number;
  }
});

describe('delivery webhooks without a URL (buildSandbox default)', () => {
  it('sends nothing and lists the receipts as not-configured', async () => {
    const sandbox = await startNotifySandbox();
    try {
      await sandbox.sendZbs();
      expect(await json(await sandbox.control('GET', '/webhooks?settle=true'))).toMatchObject({
        url: null,
        count: 1,
        deliveries: [{ trackingId: zbsBody().tracking_id, status: 'not-configured', attempts: [] }],
      });
      expect(await sandbox.messages(`?userId=${GIANG_THI_MY}`)).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });
});

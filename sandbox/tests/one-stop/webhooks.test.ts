import { createHmac } from 'node:crypto';
import { type OfficerSandbox, WEBHOOK_SECRET, startOfficerSandbox, startWebhookReceiver, verifyWebhook } from './officer-support';
import { birthRegistration, json, startOneStopSandbox } from './one-stop-api';

describe('status webhooks', () => {
  let sandbox: OfficerSandbox;
  afterEach(() => sandbox.close());

  async function acceptedDossier(applicationId = 'app-0200'): Promise<string> {
    return (await json(await sandbox.push(birthRegistration(applicationId, { MaTTHC: '1.004873' })))).Id;
  }

  it('signs HMAC-SHA256 over "<timestamp>.<raw body>" with the configured secret and the real time', async () => {
    sandbox = await startOfficerSandbox();
    sandbox.setTime('2026-03-02T09:00:00+07:00'); // the simulated clock is far from now; the signature's is not
    await acceptedDossier();
    const [webhook] = await sandbox.receiver.waitFor(1);
    const timestamp = webhook!.headers['x-onestop-timestamp'] as string;
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
    const expected = createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${webhook!.rawBody}`).digest('hex');
    expect(webhook!.headers['x-onestop-signature']).toBe(`sha256=${expected}`);
    expect(webhook!.body).toMatchObject({ action: 'accept', occurredAt: '20260302090000', MaHoSoLienThong: 'app-0200' });

    // What a receiver must refuse: another secret, a changed body, an old timestamp.
    expect(verifyWebhook('another-secret', webhook!.headers, webhook!.rawBody)).toBe('bad-signature');
    expect(verifyWebhook(WEBHOOK_SECRET, webhook!.headers, webhook!.rawBody.replace('"TrangThaiHoSo":2', '"TrangThaiHoSo":9'))).toBe(
      'bad-signature',
    );
    expect(verifyWebhook(WEBHOOK_SECRET, webhook!.headers, webhook!.rawBody, Date.now() + 10 * 60_000)).toBe('stale-timestamp');
  });

  it('lists deliveries with their results: auto-acceptance sends one too', async () => {
    sandbox = await startOfficerSandbox();
    const id = await acceptedDossier();
    await sandbox.act(id, 'start-processing');
    const deliveries = await sandbox.deliveries();
    expect(deliveries).toEqual([
      expect.objectContaining({ action: 'accept', TrangThaiHoSo: 2, status: 'delivered', url: sandbox.receiver.url }),
      expect.objectContaining({ action: 'start-processing', TrangThaiHoSo: 4, status: 'delivered' }),
    ]);
    expect(deliveries[0]!.attempts).toEqual([{ at: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number) }]);
    expect(JSON.parse(deliveries[1]!.body)).toEqual(sandbox.receiver.received[1]!.body);

    expect((await sandbox.control('DELETE', '/webhooks')).status).toBe(204);
    expect(await sandbox.deliveries()).toEqual([]);
  });

  it('retries a delivery the receiver answers with 500, with the same event id and a fresh signature', async () => {
    sandbox = await startOfficerSandbox();
    sandbox.receiver.answerWith(500, 503);
    await acceptedDossier();
    const received = await sandbox.receiver.waitFor(3);
    expect(new Set(received.map((webhook) => webhook.body.eventId)).size).toBe(1);
    expect(received.every((webhook) => webhook.verdict === 'valid')).toBe(true);
    const [delivery] = await sandbox.deliveries();
    expect(delivery).toMatchObject({ status: 'delivered' });
    expect(delivery!.attempts.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([500, 503, 200]);
    expect(delivery!.attempts[0].error).toBe('HTTP 500');
  });

  it('gives up after the configured retries and says so', async () => {
    sandbox = await startOfficerSandbox();
    sandbox.receiver.answerWith(500, 500, 500, 500);
    await acceptedDossier();
    const [delivery] = await sandbox.deliveries();
    expect(delivery).toMatchObject({ status: 'failed' });
    expect(delivery!.attempts).toHaveLength(3); // first attempt and two retries
    expect(sandbox.receiver.received).toHaveLength(3);
  });

  it('keeps one dossier’s webhooks in order even when an earlier one needs retries', async () => {
    sandbox = await startOfficerSandbox();
    sandbox.receiver.answerWith(500);
    const id = await acceptedDossier();
    await sandbox.act(id, 'start-processing');
    await sandbox.deliveries();
    expect(sandbox.receiver.received.map((webhook) => webhook.body.action)).toEqual(['accept', 'accept', 'start-processing']);
  });

  it('drop switch: records but does not send, while the dossier changes (the proxy must poll)', async () => {
    sandbox = await startOfficerSandbox();
    const put = await sandbox.control('PUT', '/settings', { dropWebhooks: true });
    expect(await json(put)).toEqual({ autoAccept: true, dropWebhooks: true });
    const id = await acceptedDossier();
    const moved = await json(await sandbox.act(id, 'start-processing'));
    expect(moved.TrangThaiHoSo).toBe(4);

    const deliveries = await sandbox.deliveries();
    expect(deliveries.map((delivery) => [delivery.action, delivery.status, delivery.attempts.length])).toEqual([
      ['accept', 'dropped', 0],
      ['start-processing', 'dropped', 0],
    ]);
    expect(sandbox.receiver.received).toHaveLength(0);
    // Polling sees the change.
    expect((await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).TrangThaiHoSo).toBe(4);

    await sandbox.control('PUT', '/settings', { dropWebhooks: false });
    await sandbox.act(id, 'request-fee', { amount: 5000, description: 'Lệ phí' });
    const [webhook] = await sandbox.receiver.waitFor(1);
    expect(webhook!.body).toMatchObject({ action: 'request-fee', TrangThaiHoSo: 6 });
  });

  it('marks deliveries failed when nothing listens at the URL', async () => {
    const receiver = await startWebhookReceiver();
    const deadUrl = receiver.url;
    await receiver.close();
    sandbox = await startOfficerSandbox({ webhookUrl: deadUrl });
    await acceptedDossier();
    const [delivery] = await sandbox.deliveries();
    expect(delivery).toMatchObject({ status: 'failed', url: deadUrl });
    expect(delivery!.attempts.map((attempt: { statusCode: null; error: string }) => [attempt.statusCode, attempt.error])).toEqual([
      [null, 'ECONNREFUSED'],
      [null, 'ECONNREFUSED'],
      [null, 'ECONNREFUSED'],
    ]);
  });

  it('refuses an unknown settings field or an empty change', async () => {
    sandbox = await startOfficerSandbox();
    expect((await sandbox.control('PUT', '/settings', { dropWebhook: true })).status).toBe(400);
    expect((await sandbox.control('PUT', '/settings', {})).status).toBe(400);
  });
});

describe('status webhooks without a URL (buildSandbox default)', () => {
  it('sends nothing and lists the deliveries as not-configured', async () => {
    const sandbox = await startOneStopSandbox();
    try {
      await sandbox.push(birthRegistration('app-0300'));
      const listing = await json(await sandbox.control('GET', '/webhooks?settle=true'));
      expect(listing).toMatchObject({
        url: null,
        dropping: false,
        count: 1,
        deliveries: [{ action: 'accept', status: 'not-configured', attempts: [] }],
      });
    } finally {
      await sandbox.close();
    }
  });
});

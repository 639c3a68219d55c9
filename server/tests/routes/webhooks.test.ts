// POST /api/v1/webhooks/one-stop through the real app and database, with bodies signed by the test: signatures
// (missing, wrong key, tampered body, malformed), timestamps more than 5 minutes off, replayed event ids, events
// out of order, transitions the status model forbids, dossiers no application has. A refusal changes nothing.
import { randomUUID } from 'node:crypto';
import { type IntakeFixture, insertIntakeCatalog } from '../support/applications';
import { createCitizen, type TestCitizen } from '../support/citizens';
import { deliver, deliverRaw, sign, submittedApplication, TEST_WEBHOOK_SECRET, webhookBody, type WebhookFacts } from '../support/status-webhooks';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let fixture: IntakeFixture;
let citizen: TestCitizen;

beforeAll(async () => {
  t = await createTestApp({ env: { ONE_STOP_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } });
  fixture = await insertIntakeCatalog(t.db);
  citizen = await createCitizen(t.app, t.db);
});

afterAll(() => t?.close());

const newApplication = () => submittedApplication(t.app, citizen, fixture);

const view = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: citizen.auth })).json();

const events = async (applicationId: string) =>
  (
    await t.db.query<{ event_id: string; status: number; applied: boolean; outcome: string; source: string }>(
      'select event_id, status, applied, outcome, source from application_events where application_id = $1 order by id',
      [applicationId],
    )
  ).rows;

const allEventCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from application_events')).rows[0].n;

async function accepted() {
  const ids = await newApplication();
  const res = await deliver(t.app, webhookBody({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000' }));
  expect(res.statusCode).toBe(200);
  return ids;
}

describe('a correctly signed webhook', () => {
  it('200: recorded and applied in one go; the application shows the new status, receipt code and due date', async () => {
    const ids = await newApplication();
    const body = webhookBody({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000', dueAt: '20260304170000' });
    const res = await deliver(t.app, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, duplicate: false, outcome: 'changed' });
    expect(await view(ids.applicationId)).toMatchObject({
      status: 'accepted',
      statusCode: 2,
      statusName: 'Được tiếp nhận',
      receiptCode: '04465-260302-0001',
      dueAt: '2026-03-04T10:00:00.000Z',
      forwardedAt: expect.any(String),
    });
    expect(await events(ids.applicationId)).toEqual([
      { event_id: body.eventId, status: 2, applied: true, outcome: 'changed', source: 'webhook' },
    ]);
  });

  it('a replayed eventId answers 200 { duplicate: true } and changes nothing, even re-signed later', async () => {
    const ids = await accepted();
    const body = webhookBody({ ...ids, status: 4, occurredAt: '20260302100000', dueAt: '20260305170000' });
    expect((await deliver(t.app, body)).json()).toMatchObject({ duplicate: false, outcome: 'changed' });
    const before = await view(ids.applicationId);
    const eventsBefore = await events(ids.applicationId);

    // The same event again, then the same eventId with other content (a forged or buggy repeat): both ignored.
    const again = await deliver(t.app, body, { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ received: true, duplicate: true });
    const altered = await deliver(t.app, { ...body, TrangThaiHoSo: 9, NgayHenTra: '20260310170000' });
    expect(altered.json()).toEqual({ received: true, duplicate: true });

    expect(await view(ids.applicationId)).toEqual(before);
    expect(await events(ids.applicationId)).toEqual(eventsBefore);
  });

  it('an older event arriving after a newer one is recorded but does not move the status back', async () => {
    const ids = await accepted();
    const newer = webhookBody({ ...ids, status: 5, action: 'request-supplement', occurredAt: '20260303090000' });
    const older = webhookBody({ ...ids, status: 4, action: 'start-processing', occurredAt: '20260302140000' });
    expect((await deliver(t.app, newer)).json().outcome).toBe('changed');
    const res = await deliver(t.app, older);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, duplicate: false, outcome: 'stale' });
    const application = await view(ids.applicationId);
    expect(application).toMatchObject({ status: 'supplement-required', statusCode: 5 });
    expect(await events(ids.applicationId)).toEqual([
      expect.objectContaining({ status: 2, applied: true }),
      expect.objectContaining({ event_id: newer.eventId, status: 5, applied: true, outcome: 'changed' }),
      expect.objectContaining({ event_id: older.eventId, status: 4, applied: false, outcome: 'stale' }),
    ]);
    // The late step did not move the mirror back, but it happened: the timeline shows it in its place, oldest first.
    expect(application.timeline.map((step: { statusCode: number }) => step.statusCode)).toEqual([2, 4, 5]);
  });

  it('the submission step, reported after the acceptance of the same second, still comes first in the timeline', async () => {
    // The one-stop system times steps to the second; its acceptance webhook can overtake the answer to our push.
    const ids = await accepted();
    const submitted = webhookBody({ ...ids, status: 1, action: 'submit', occurredAt: '20260302090000' });
    expect((await deliver(t.app, submitted)).json()).toEqual({ received: true, duplicate: false, outcome: 'stale' });
    const application = await view(ids.applicationId);
    expect(application).toMatchObject({ statusCode: 2 });
    expect(application.timeline.map((step: { statusCode: number }) => step.statusCode)).toEqual([1, 2]);
  });

  it('a transition the status model forbids is recorded as not applied and answered 200 (retrying cannot help)', async () => {
    const ids = await accepted();
    const withdrawn = webhookBody({ ...ids, status: 7, action: 'withdrawal', occurredAt: '20260302100000' });
    expect((await deliver(t.app, withdrawn)).json().outcome).toBe('changed');
    const later = webhookBody({ ...ids, status: 4, occurredAt: '20260303100000' });
    const res = await deliver(t.app, later);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, duplicate: false, outcome: 'rejected' });
    expect(await view(ids.applicationId)).toMatchObject({ status: 'withdrawn', statusCode: 7 });
    expect((await events(ids.applicationId)).at(-1)).toMatchObject({ event_id: later.eventId, applied: false, outcome: 'rejected' });
  });

  it('a dossier no application has: 202 ignored, nothing stored', async () => {
    const before = await allEventCount();
    for (const applicationId of [randomUUID(), 'not-a-uuid']) {
      const res = await deliver(t.app, webhookBody({ applicationId, dossierId: randomUUID(), status: 2, occurredAt: '20260302090000' }));
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ received: true, duplicate: false, ignored: true });
    }
    // Our application, but another dossier than the one the one-stop system gave us: not ours either.
    const ids = await accepted();
    const res = await deliver(t.app, webhookBody({ ...ids, dossierId: randomUUID(), status: 4, occurredAt: '20260302100000' }));
    expect(res.statusCode).toBe(202);
    expect(await allEventCount()).toBe(before + 1);
    expect(await view(ids.applicationId)).toMatchObject({ statusCode: 2 });
  });
});

describe('refused webhooks change nothing', () => {
  let ids: { applicationId: string; dossierId: string };
  let body: Record<string, unknown>;
  let raw: string;

  beforeAll(async () => {
    ids = await accepted();
  });

  beforeEach(() => {
    body = webhookBody({ ...ids, status: 4, occurredAt: '20260302100000' } satisfies WebhookFacts);
    raw = JSON.stringify(body);
  });

  async function expectRefused(res: Awaited<ReturnType<typeof deliverRaw>>, status: number, code: string) {
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ statusCode: status, code, message: expect.any(String) });
    expect(await view(ids.applicationId)).toMatchObject({ statusCode: 2 });
    expect(await events(ids.applicationId)).toHaveLength(1);
  }

  it('401 WEBHOOK_SIGNATURE_INVALID without a signature or a timestamp', async () => {
    await expectRefused(await deliverRaw(t.app, raw, { signature: null }), 401, 'WEBHOOK_SIGNATURE_INVALID');
    await expectRefused(await deliverRaw(t.app, raw, { timestampHeader: null }), 401, 'WEBHOOK_SIGNATURE_INVALID');
  });

  it('401 WEBHOOK_SIGNATURE_INVALID when signed with another key, malformed, or the body changed after signing', async () => {
    await expectRefused(await deliverRaw(t.app, raw, { secret: 'another-secret-of-some-length' }), 401, 'WEBHOOK_SIGNATURE_INVALID');
    await expectRefused(await deliverRaw(t.app, raw, { signature: 'sha256=abc' }), 401, 'WEBHOOK_SIGNATURE_INVALID');
    const timestamp = Math.floor(Date.now() / 1000);
    const goodSignature = sign(TEST_WEBHOOK_SECRET, timestamp, raw);
    await expectRefused(
      await deliverRaw(t.app, raw.replace('"TrangThaiHoSo":4', '"TrangThaiHoSo":9'), { timestamp, signature: goodSignature }),
      401,
      'WEBHOOK_SIGNATURE_INVALID',
    );
    // The signature binds the timestamp too: the same signature with another timestamp is refused.
    await expectRefused(await deliverRaw(t.app, raw, { timestamp: timestamp - 10, signature: goodSignature }), 401, 'WEBHOOK_SIGNATURE_INVALID');
  });

  it('401 WEBHOOK_TIMESTAMP_STALE when signed more than 5 minutes before or after now', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await deliverRaw(t.app, raw, { timestamp: now - 6 * 60 }), 401, 'WEBHOOK_TIMESTAMP_STALE');
    await expectRefused(await deliverRaw(t.app, raw, { timestamp: now + 6 * 60 }), 401, 'WEBHOOK_TIMESTAMP_STALE');
  });

  it('400 WEBHOOK_PAYLOAD_INVALID for a signed body that is not a status webhook', async () => {
    await expectRefused(await deliverRaw(t.app, '{"hello":'), 400, 'WEBHOOK_PAYLOAD_INVALID');
    await expectRefused(await deliverRaw(t.app, JSON.stringify({ ...body, TrangThaiHoSo: 11 })), 400, 'WEBHOOK_PAYLOAD_INVALID');
  });

  it('a signature 4 minutes old is still accepted', async () => {
    const res = await deliverRaw(t.app, raw, { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 });
    expect(res.statusCode).toBe(200);
    expect(await view(ids.applicationId)).toMatchObject({ statusCode: 4 });
  });
});

it('is public by design and documented with its signature headers in OpenAPI', async () => {
  const { paths } = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
  const operation = paths['/api/v1/webhooks/one-stop'].post;
  expect(operation.security).toEqual([]);
  expect(operation.description).toContain('X-OneStop-Signature: sha256=<hex HMAC-SHA256');
  expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
    'x-onestop-signature',
    'x-onestop-timestamp',
  ]);
});

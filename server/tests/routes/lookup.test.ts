// GET /api/v1/lookup through the real app: public, only the status facts, the same 404 for a wrong receipt code and
// a wrong phone, and 10 look-ups a minute per client address, then 429 RATE_LIMITED with Retry-After.
import { randomUUID } from 'node:crypto';
import { insertIntakeCatalog, submit, validBody } from '../support/applications';
import { createCitizen } from '../support/citizens';
import { deliver, TEST_WEBHOOK_SECRET, webhookBody } from '../support/status-webhooks';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const RECEIPT = '04465-260302-0042';
let fixedNow: Date | null = null;

beforeAll(async () => {
  t = await createTestApp({ env: { ONE_STOP_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET }, now: () => fixedNow ?? new Date() });
  const fixture = await insertIntakeCatalog(t.db);
  const citizen = await createCitizen(t.app, t.db);
  // The applicant's phone as submitted: 0912000101 (VALID_FIELDS).
  const res = await submit(t.app, citizen, await validBody(t.app, citizen, fixture));
  const applicationId = res.json().id;
  const accepted = await deliver(
    t.app,
    webhookBody({ applicationId, dossierId: randomUUID(), status: 2, action: 'accept', occurredAt: '20260302090000', receiptCode: RECEIPT, dueAt: '20260303170000' }),
  );
  expect(accepted.statusCode).toBe(200);
});

afterAll(() => t?.close());

const lookUp = (query: Record<string, string>, remoteAddress: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/lookup', query, remoteAddress });

it('200 with the receipt code, procedure, status and due date only; no session needed', async () => {
  fixedNow = new Date('2026-03-03T10:00:00+07:00');
  const res = await lookUp({ receiptCode: RECEIPT, phoneLast4: '0101' }, '10.0.0.1');
  fixedNow = null;
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({
    receiptCode: RECEIPT,
    procedureName: 'Đăng ký khai sinh',
    statusCode: 2,
    statusName: 'Được tiếp nhận',
    dueAt: '2026-03-03T10:00:00.000Z',
    overdue: false,
  });
  expect(res.headers['cache-control']).toBe('no-store');
  // Spaces around the code, as typed from the slip, are ignored.
  expect((await lookUp({ receiptCode: ` ${RECEIPT} `, phoneLast4: '0101' }, '10.0.0.1')).json().overdue).toBe(true);
});

it('a wrong receipt code and a wrong phone answer the same 404 DOSSIER_NOT_FOUND', async () => {
  const wrongCode = await lookUp({ receiptCode: '04465-260302-0043', phoneLast4: '0101' }, '10.0.0.2');
  const wrongPhone = await lookUp({ receiptCode: RECEIPT, phoneLast4: '0102' }, '10.0.0.2');
  expect(wrongCode.statusCode).toBe(404);
  expect(wrongCode.json()).toEqual({ statusCode: 404, code: 'DOSSIER_NOT_FOUND', message: expect.stringContaining('Không tìm thấy hồ sơ') });
  expect(wrongPhone.statusCode).toBe(404);
  expect(wrongPhone.body).toBe(wrongCode.body);
});

it('400 VALIDATION_FAILED for a missing code or a phone part that is not four digits', async () => {
  const queries: Array<Record<string, string>> = [
    { phoneLast4: '0101' },
    { receiptCode: RECEIPT, phoneLast4: '101' },
    { receiptCode: RECEIPT, phoneLast4: 'abcd' },
  ];
  for (const query of queries) {
    const res = await lookUp(query, '10.0.0.3');
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  }
});

it('the 11th look-up in a minute from one address is 429 RATE_LIMITED with Retry-After; other addresses go on', async () => {
  const guesses = Array.from({ length: 10 }, (_, index) => String(1000 + index));
  for (const phoneLast4 of guesses) {
    expect((await lookUp({ receiptCode: RECEIPT, phoneLast4 }, '10.0.0.4')).statusCode).toBe(404);
  }
  // Even the right answer is refused now: guessing is slowed, not just failed.
  const eleventh = await lookUp({ receiptCode: RECEIPT, phoneLast4: '0101' }, '10.0.0.4');
  expect(eleventh.statusCode).toBe(429);
  expect(eleventh.json()).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.stringMatching(/^Bạn đã tra cứu quá nhiều lần\. Hãy đợi \d+ giây rồi thử lại\.$/) });
  expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(eleventh.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect((await lookUp({ receiptCode: RECEIPT, phoneLast4: '0101' }, '10.0.0.5')).statusCode).toBe(200);
});

it('is public by design and documented', async () => {
  const { paths } = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
  expect(paths['/api/v1/lookup'].get.security).toEqual([]);
  expect(paths['/api/v1/lookup'].get.responses).toHaveProperty('429');
});

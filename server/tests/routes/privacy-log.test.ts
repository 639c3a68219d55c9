// Logs never contain tokens or phone numbers: the whole sign-in, phone and consent flow, with its failures, run
// with every log level on, and the log searched for each secret the flow handled. Then uploads (multipart, whose
// plugin logs the request's headers at trace), a submission with a phone and CCCD number, and both webhooks.
import { createHash, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { CONSENT_TEXTS } from '@lao-cai-so/domain/consent';
import { createLogger } from '../../src/plugins/request-log';
import { insertIntakeCatalog, submit, uploadFile, VALID_FIELDS } from '../support/applications';
import { createCitizen } from '../support/citizens';
import { FILES } from '../support/files';
import { deliver, TEST_WEBHOOK_SECRET, webhookBody } from '../support/status-webhooks';
import { createTestApp, type TestApp } from '../support/test-app';
import { DEMO_CITIZENS, startZaloSandbox, type ZaloSandbox } from '../support/zalo-sandbox';

const logLines: string[] = [];
let zalo: ZaloSandbox;
let t: TestApp;

beforeAll(async () => {
  zalo = await startZaloSandbox();
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  t = await createTestApp({ env: { ...zalo.env, ONE_STOP_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET }, logger: createLogger('trace', stream) });
});

afterAll(async () => {
  await t?.close();
  await zalo?.close();
});

test('the full flow logs requests, but no access token, session token, phone token or phone digits', async () => {
  const demo = DEMO_CITIZENS[3];
  const secrets: string[] = [];
  const keep = (secret: string) => {
    secrets.push(secret);
    return secret;
  };

  expect((await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { accessToken: keep('made-up-zalo-token') } })).statusCode).toBe(401);
  const accessToken = keep(await zalo.login(demo));
  const session = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { accessToken } });
  const token = keep(session.json().token);
  const auth = { authorization: `Bearer ${token}` };

  expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}x` } })).statusCode).toBe(401);
  const put = (purpose: string, payload: object) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/me/consents/${purpose}`, headers: auth, payload });
  await put('phone', { granted: true, textVersion: CONSENT_TEXTS.phone.version });
  await put('profile', { granted: true, textVersion: CONSENT_TEXTS.profile.version });

  const phoneToken = keep(await zalo.phoneToken(accessToken));
  const share = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: auth, payload });
  expect((await share({ phoneToken, accessToken })).statusCode).toBe(200);
  expect((await share({ phoneToken, accessToken })).statusCode).toBe(400);
  await zalo.addFault({ mode: 'http-500' });
  expect((await share({ phoneToken: keep(await zalo.phoneToken(accessToken)), accessToken })).statusCode).toBe(503);
  await zalo.clearFaults();

  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth });
  expect(me.json().phone.number).toBe(demo.phone);
  await t.app.inject({ method: 'GET', url: '/api/v1/me/consents', headers: auth });
  await put('phone', { granted: false });
  expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: auth })).statusCode).toBe(204);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth })).statusCode).toBe(401);

  // The log did record the flow, by route pattern.
  const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ route: '/api/v1/sessions', statusCode: 201 }),
      expect.objectContaining({ route: '/api/v1/me/phone', statusCode: 503 }),
      expect.objectContaining({ route: '/api/v1/me/consents/:purpose', statusCode: 200 }),
    ]),
  );

  const log = logLines.join('\n');
  const localNumber = `0${demo.phone.slice(2)}`;
  for (const secret of [...secrets, demo.phone, localNumber, demo.phone.slice(2)]) {
    expect(log).not.toContain(secret);
  }
  // Nor any part of the session token, which a partial logging of the header would leave.
  for (const part of token.split('.')) expect(log).not.toContain(part);
});

test('uploads, a submission with phone and CCCD, and both webhooks log at trace level, but no token, phone or CCCD', async () => {
  const from = logLines.length;
  const fixture = await insertIntakeCatalog(t.db);
  const citizen = await createCitizen(t.app, t.db);
  const bearer = citizen.auth.authorization.slice('Bearer '.length);
  const zaloAccessToken = await zalo.login(DEMO_CITIZENS[1]);
  const cookie = `session=${randomUUID()}`;
  const phone = '0912000777';
  const cccd = '010190007777';

  // Uploads: multipart, with the session token, a cookie and a Zalo token in headers (the plugin logs them at trace).
  const headers = { ...citizen.auth, cookie, access_token: zaloAccessToken };
  const upload = await uploadFile(t.app, { ...citizen, auth: headers as unknown as typeof citizen.auth }, FILES.jpeg(3000), 'Tờ khai.jpg');
  const pdf = await uploadFile(t.app, citizen, FILES.pdf(4000), 'Giấy chứng sinh.pdf');
  const refused = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' }, payload: 'x' });
  expect(refused.statusCode).toBeGreaterThanOrEqual(400);

  // A submission carrying a phone and a CCCD number, then its one-stop webhook.
  const res = await submit(t.app, citizen, {
    procedureCode: fixture.procedure.code,
    officeCode: fixture.office.code,
    fields: { ...VALID_FIELDS, applicant_phone: phone, applicant_citizen_id: cccd },
    attachments: [
      { documentCode: 'to-khai', uploadId: upload.id },
      { documentCode: 'giay-chung-sinh', uploadId: pdf.id },
    ],
  });
  expect(res.statusCode).toBe(201);
  const webhook = await deliver(
    t.app,
    webhookBody({ applicationId: res.json().id, dossierId: randomUUID(), status: 2, occurredAt: '20260302100000', extra: { SoGiayToChuHoSo: cccd, SoDienThoaiChuHoSo: phone } }),
  );
  expect(webhook.statusCode).toBeLessThan(500);

  // Zalo's webhook, signed, with personal data and a token in its body and a bearer header it has no use for.
  const raw = JSON.stringify({ event_name: 'user_received_message', app_id: t.config.notifications.webhook.signingId, timestamp: String(Date.now()), phone, access_token: zaloAccessToken });
  const mac = createHash('sha256').update(`${t.config.notifications.webhook.signingId}${raw}${JSON.parse(raw).timestamp}${t.config.notifications.webhook.secret}`).digest('hex');
  const zaloWebhook = await t.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks/zalo',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}`, authorization: `Bearer ${bearer}`, cookie },
    payload: raw,
  });
  expect(zaloWebhook.statusCode).toBeLessThan(500);

  const lines = logLines.slice(from);
  // The log did record this part, trace lines included.
  expect(lines.some((line) => (JSON.parse(line) as { level: number }).level === 10)).toBe(true);
  expect(lines.some((line) => line.includes('/api/v1/uploads'))).toBe(true);
  const log = lines.join('\n');
  for (const secret of [bearer, ...bearer.split('.'), zaloAccessToken, cookie, phone, phone.slice(1), cccd]) {
    expect(log).not.toContain(secret);
  }
});

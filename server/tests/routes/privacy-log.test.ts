// Logs never contain tokens or phone numbers: the whole sign-in, phone and consent flow, with its failures, run
// with every log level on, and the log searched for each secret the flow handled.
import { Writable } from 'node:stream';
import { CONSENT_TEXTS } from '@lao-cai-so/domain/consent';
import { createLogger } from '../../src/plugins/request-log';
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
  t = await createTestApp({ env: zalo.env, logger: createLogger('trace', stream) });
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

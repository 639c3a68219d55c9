// A proxy configured with the wrong Zalo app secret: the sandbox refuses its appsecret_proof. That is our
// misconfiguration, not the citizen's fault, so the citizen gets the same 503 ZALO_UNAVAILABLE as an outage (a new
// Zalo token would not help) and the log tells operators what to fix.
import { Writable } from 'node:stream';
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
  t = await createTestApp({
    env: { ...zalo.env, ZALO_APP_SECRET: 'a-different-secret-than-the-sandbox-has' },
    logger: createLogger('info', stream),
  });
});

afterAll(async () => {
  await t?.close();
  await zalo?.close();
});

test('sign-in is 503 ZALO_UNAVAILABLE, records nobody, and logs the misconfiguration without the token', async () => {
  const accessToken = await zalo.login(DEMO_CITIZENS[0]);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { accessToken } });
  expect(res.statusCode).toBe(503);
  expect(res.json().code).toBe('ZALO_UNAVAILABLE');
  const { rows } = await t.db.query('select count(*)::int as n from citizens');
  expect(rows[0]).toEqual({ n: 0 });

  const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries).toContainEqual(
    expect.objectContaining({ level: 50, zaloCode: -124, msg: expect.stringMatching(/ZALO_APP_SECRET/) }),
  );
  expect(logLines.join('\n')).not.toContain(accessToken);
});

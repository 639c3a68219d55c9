// The sandbox's logger applies the project's redaction list at every level: at trace, @fastify/multipart logs a
// request's headers, and the proxy's one-stop API token (and Zalo's tokens and app secret) arrive as headers.
import { Writable } from 'node:stream';
import { birthRegistration, ONE_STOP_TOKEN, photo, pushForm } from './one-stop/one-stop-api';
import { DEMO_CITIZENS } from '../src/zalo/demo-citizens';
import { APP_SECRET, login, phoneToken, startTestSandbox, type RunningSandbox } from './support/sandbox-server';

const logLines: string[] = [];
let sandbox: RunningSandbox;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  sandbox = await startTestSandbox({ logger: { level: 'trace', stream }, oneStop: { apiToken: ONE_STOP_TOKEN } });
});

afterAll(async () => {
  await sandbox?.close();
});

test('at trace level the log has the requests, but not the one-stop API token, Zalo tokens, app secret, phone or CCCD', async () => {
  const hoSo = birthRegistration('app-log-0001', {
    SoDienThoai: '0912000888',
    SoGiayToChuHoSo: '010190008888',
    TaiLieuNop: [{ MaGiayTo: 'to-khai', TenTepDinhKem: 'tờ khai.jpg', TepDinhKem: 'tep1' }],
  });
  const pushed = await fetch(`${sandbox.baseUrl}/one-stop/api/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ONE_STOP_TOKEN}`, cookie: 'officer=cookie-value-0001' },
    body: pushForm(hoSo, [photo('tep1', 'a.jpg')]),
  });
  expect(pushed.status).toBe(201);
  const wrong = await fetch(`${sandbox.baseUrl}/one-stop/api/dossiers`, {
    method: 'POST',
    headers: { authorization: 'Bearer wrong-one-stop-token-0001' },
    body: pushForm(hoSo, []),
  });
  expect(wrong.status).toBe(401);

  // Zalo's side: a phone token fetched and exchanged for the number, as the proxy does.
  const demo = DEMO_CITIZENS[0];
  const accessToken = await login(sandbox.baseUrl, demo.id);
  const code = await phoneToken(sandbox.baseUrl, accessToken);
  const info = await fetch(`${sandbox.baseUrl}/v2.0/me/info`, { headers: { access_token: accessToken, code, secret_key: APP_SECRET } });
  expect(info.status).toBe(200);

  const log = logLines.join('\n');
  expect(logLines.some((line) => (JSON.parse(line) as { level: number }).level === 10)).toBe(true);
  expect(log).toContain('/one-stop/api/dossiers');
  for (const secret of [ONE_STOP_TOKEN, 'wrong-one-stop-token-0001', 'cookie-value-0001', accessToken, code, APP_SECRET, demo.phone, '0912000888', '010190008888']) {
    expect(log).not.toContain(secret);
  }
});

// The proxy's Zalo client against the sandbox Zalo platform over real HTTP: the same code that calls
// graph.zalo.me in production, with only the base URL changed.
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../../../sandbox/src/app';
import { DEMO_CITIZENS } from '../../../sandbox/src/zalo/demo-citizens';
import { createZaloClient, parseZaloJson, ZaloError, type ZaloClient } from '../../src/clients/zalo-client';

const APP_SECRET = 'test-app-secret';
let sandbox: FastifyInstance;
let baseUrl: string;

function client(overrides: { appSecret?: string; retries?: number; timeoutMs?: number } = {}): ZaloClient {
  return createZaloClient({
    graphBaseUrl: baseUrl,
    appSecret: overrides.appSecret ?? APP_SECRET,
    timeoutMs: overrides.timeoutMs ?? 2000,
    retries: overrides.retries ?? 2,
    retryDelayMs: 5,
  });
}

async function post(path: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, string>;
}

async function login(userId = DEMO_CITIZENS[0].id): Promise<string> {
  return (await post('/sandbox/zalo/login', { userId })).accessToken;
}

beforeAll(async () => {
  sandbox = await buildSandbox({ zalo: { appSecret: APP_SECRET } });
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const address = sandbox.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterEach(async () => {
  await fetch(`${baseUrl}/sandbox/control/zalo/faults`, { method: 'DELETE' });
});

afterAll(async () => {
  await sandbox.close();
});

test('verifies a user token and returns the profile with the id as a string', async () => {
  const profile = await client().getProfile(await login());
  expect(profile).toEqual({ id: DEMO_CITIZENS[0].id, name: DEMO_CITIZENS[0].name, avatar: expect.any(String) });
});

test('a made-up token is an invalid token, not an outage', async () => {
  await expect(client().getProfile('made-up-token')).rejects.toMatchObject({ kind: 'invalid-token', zaloCode: 452 });
});

test('a proof made with the wrong app secret is our misconfiguration, not an invalid user token', async () => {
  const error = await client({ appSecret: 'wrong' }).getProfile(await login()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ZaloError);
  expect(error).toMatchObject({ kind: 'misconfigured', zaloCode: -124 });
});

test('a wrong secret_key on the phone exchange is our misconfiguration too, and does not use the code up', async () => {
  const token = await login();
  const { token: phoneToken } = await post('/sandbox/zalo/phone-token', { accessToken: token });
  await expect(client({ appSecret: 'wrong' }).getPhoneNumber(token, phoneToken)).rejects.toMatchObject({
    kind: 'misconfigured',
    zaloCode: -104,
  });
  await expect(client().getPhoneNumber(token, phoneToken)).resolves.toBe(DEMO_CITIZENS[0].phone);
});

test('retries transient failures (HTTP 500, error -32) and then succeeds', async () => {
  const token = await login();
  await post('/sandbox/control/zalo/faults', { mode: 'http-500', times: 1 });
  await post('/sandbox/control/zalo/faults', { mode: 'error', error: -32, times: 1 });
  await expect(client({ retries: 2 }).getProfile(token)).resolves.toMatchObject({ id: DEMO_CITIZENS[0].id });
});

test('gives up as unavailable when Zalo keeps failing or is too slow', async () => {
  const token = await login();
  await post('/sandbox/control/zalo/faults', { mode: 'http-500' });
  await expect(client({ retries: 1 }).getProfile(token)).rejects.toMatchObject({ kind: 'unavailable' });
  await fetch(`${baseUrl}/sandbox/control/zalo/faults`, { method: 'DELETE' });
  await post('/sandbox/control/zalo/faults', { mode: 'slow', delayMs: 500 });
  await expect(client({ retries: 0, timeoutMs: 100 }).getProfile(token)).rejects.toMatchObject({ kind: 'unavailable' });
});

test('exchanges a phone token once; a reused token is rejected', async () => {
  const token = await login();
  const { token: phoneToken } = await post('/sandbox/zalo/phone-token', { accessToken: token });
  await expect(client().getPhoneNumber(token, phoneToken)).resolves.toBe(DEMO_CITIZENS[0].phone);
  await expect(client().getPhoneNumber(token, phoneToken)).rejects.toMatchObject({ kind: 'rejected' });
});

test('large numeric ids in a Zalo answer survive parsing as exact strings', () => {
  expect(parseZaloJson('{"error":0,"id":3368637342326461234,"n":5}')).toEqual({
    error: 0,
    id: '3368637342326461234',
    n: 5,
  });
});

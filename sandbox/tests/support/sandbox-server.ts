import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../../src/app';
import type { SandboxOptions } from '../../src/config';

export const APP_SECRET = 'test-app-secret';
export const MINI_APP_ORIGIN = 'http://localhost:3000';

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(private current = Date.parse('2026-03-02T09:00:00+07:00')) {}
  readonly now = (): number => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface RunningSandbox {
  app: FastifyInstance;
  baseUrl: string;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The real sandbox on an ephemeral port, with a hand-moved clock. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = new ManualClock();
  const app = await buildSandbox({
    now: clock.now,
    allowedOrigins: [MINI_APP_ORIGIN],
    ...options,
    zalo: { appSecret: APP_SECRET, ...options.zalo },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox did not listen on a TCP port');
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, clock, close: () => app.close() };
}

export function proofOf(accessToken: string, secret = APP_SECRET): string {
  return createHmac('sha256', secret).update(accessToken).digest('hex');
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Signs in as a demo citizen the way the mini app does in the demo. */
export async function login(baseUrl: string, userId: string): Promise<string> {
  const response = await postJson(`${baseUrl}/sandbox/zalo/login`, { userId });
  if (response.status !== 200) throw new Error(`login failed with HTTP ${response.status}`);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

export async function phoneToken(baseUrl: string, accessToken: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sandbox/zalo/phone-token`, { method: 'POST', headers: { access_token: accessToken } });
  if (response.status !== 200) throw new Error(`phone-token failed with HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** `GET /v2.0/me` exactly as the proxy's Zalo client sends it. */
export async function getMe(
  baseUrl: string,
  accessToken: string,
  { fields = 'id,name,picture', proof = proofOf(accessToken) }: { fields?: string; proof?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = { access_token: accessToken };
  if (proof !== null) headers.appsecret_proof = proof;
  return fetch(`${baseUrl}/v2.0/me?fields=${fields}`, { headers });
}

/** `GET /v2.0/me/info` exactly as the proxy's Zalo client sends it. */
export async function getPhone(
  baseUrl: string,
  accessToken: string,
  code: string,
  secretKey: string = APP_SECRET,
): Promise<Response> {
  return fetch(`${baseUrl}/v2.0/me/info`, { headers: { access_token: accessToken, code, secret_key: secretKey } });
}

export const GIANG_THI_MY = '3368637342326461234';
export const TAN_LAO_SAN = '5127480036519872210';

/** A parsed JSON answer; tests then assert on its shape. */
export type Json = Record<string, any>;

export async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

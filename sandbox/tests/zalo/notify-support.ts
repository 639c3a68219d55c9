// Calls the fake Zalo notification APIs exactly as the proxy's clients will, a receiver that checks Zalo's webhook
// signature the way the proxy will (written from the contract, not from the sandbox's code), and control helpers.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ZaloPlatformOptions } from '../../src/config';
import { APP_SECRET, type Json, type RunningSandbox, json, login, postJson, startTestSandbox } from '../support/sandbox-server';
import { type ReceivedRequest, type Receiver, startReceiver } from '../support/webhook-receiver';

export const APP_ID = '1234567890123456789';
export const API_KEY = 'test-mini-app-api-key';
export const OA_ID = '4318652000000000001';
export const WEBHOOK_SECRET = 'test-zalo-webhook-secret';
export const OA_TOKENS = { accessToken: 'test-oa-access-token', refreshToken: 'test-oa-refresh-token' };

/** A Tuesday, 09:00 in Lào Cai: inside Zalo's sending hours. */
export const MORNING = '2026-03-03T09:00:00+07:00';

export function miniAppBody(overrides: Json = {}, templateData: Json = {}): Json {
  return {
    templateId: '1001',
    templateData: {
      title: 'Hồ sơ cần bổ sung giấy tờ',
      contentTitle: 'Đăng ký khai sinh — 04465-260302-0001',
      contentDescription: 'Cơ quan yêu cầu bổ sung bản sao giấy khai sinh. Mở hồ sơ để gửi bổ sung.',
      buttonText: 'Xem hồ sơ',
      buttonUrl: `https://zalo.me/s/${APP_ID}/?application=5b0c8f7e-1d2e-4f3a-9b8c-7d6e5f4a3b2c`,
      ...templateData,
    },
    ...overrides,
  };
}

export function zbsBody(overrides: Json = {}): Json {
  return {
    phone: '84912000101',
    template_id: '2002',
    template_data: { procedure_name: 'Đăng ký khai sinh', receipt_code: '04465-260302-0001', status: 'Cần bổ sung' },
    tracking_id: '0f7d2c9a-4f1e-4a55-9a57-0d7c1f1e2b3c',
    ...overrides,
  };
}

export interface NotifySandbox extends RunningSandbox {
  /** Moves the hand-driven clock to an instant, e.g. '2026-03-03T21:59:59+07:00'. */
  setTime(iso: string): void;
  /** `POST /notification/template` as the proxy sends it; headers override the right ones. */
  sendMiniApp(userId: string, body?: Json, headers?: Record<string, string | null>): Promise<Response>;
  /** `POST /message/template` with the given OA access token (the initial one by default). */
  sendZbs(body?: Json, accessToken?: string | null): Promise<Response>;
  /** `POST /v4/oa/access_token`, form-urlencoded, as the proxy's OA client sends it. */
  refresh(refreshToken: string, overrides?: { secretKey?: string; appId?: string; grantType?: string }): Promise<Response>;
  /** Signs in as a demo citizen and allows notifications, as the mini app does after requestSendNotification. */
  optIn(userId: string): Promise<string>;
  control(method: string, path: string, body?: unknown): Promise<Response>;
  messages(query?: string): Promise<Json[]>;
}

/** Built at SANDBOX_START (ManualClock's start), then moved to MORNING the next day. */
export const SANDBOX_START = '2026-03-02T09:00:00+07:00';

/**
 * The sandbox with test credentials, its clock at MORNING. The OA access token lives a week here so that tests
 * crossing days need no refresh; pass `oaAccessTokenTtlSeconds: undefined` for Zalo's 25 h.
 */
export async function startNotifySandbox(zalo: Partial<ZaloPlatformOptions> = {}): Promise<NotifySandbox> {
  const sandbox = await startTestSandbox({
    zalo: {
      miniAppApiKey: API_KEY,
      oaTokens: OA_TOKENS,
      oaAccessTokenTtlSeconds: 7 * 24 * 3600,
      zaloWebhookSecret: WEBHOOK_SECRET,
      ...zalo,
    },
  });
  if (sandbox.clock.now() !== Date.parse(SANDBOX_START)) throw new Error('the test clock no longer starts at SANDBOX_START');
  const setTime = (iso: string) => sandbox.clock.advance(Date.parse(iso) - sandbox.clock.now());
  setTime(MORNING);
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.baseUrl}/sandbox/control/zalo${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  return {
    ...sandbox,
    setTime,
    sendMiniApp(userId, body = miniAppBody(), headers = {}) {
      const all: Record<string, string | null> = {
        'content-type': 'application/json',
        'x-user-id': userId,
        'x-api-key': `Bearer ${API_KEY}`,
        'x-miniapp-id': APP_ID,
        ...headers,
      };
      const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== null));
      return fetch(`${sandbox.baseUrl}/notification/template`, { method: 'POST', headers: sent, body: JSON.stringify(body) });
    },
    sendZbs(body = zbsBody(), accessToken = OA_TOKENS.accessToken) {
      return postJson(`${sandbox.baseUrl}/message/template`, body, accessToken === null ? {} : { access_token: accessToken });
    },
    refresh(refreshToken, { secretKey = APP_SECRET, appId = APP_ID, grantType = 'refresh_token' } = {}) {
      return fetch(`${sandbox.baseUrl}/v4/oa/access_token`, {
        method: 'POST',
        headers: { secret_key: secretKey },
        body: new URLSearchParams({ app_id: appId, grant_type: grantType, refresh_token: refreshToken }),
      });
    },
    async optIn(userId) {
      const accessToken = await login(sandbox.baseUrl, userId);
      const response = await postJson(`${sandbox.baseUrl}/sandbox/zalo/notifications/allow`, { accessToken });
      if (response.status !== 200) throw new Error(`allow failed with HTTP ${response.status}`);
      return accessToken;
    },
    control,
    async messages(query = '') {
      return (await json(await control('GET', `/messages${query}`))).messages as Json[];
    },
  };
}

/** Zalo's error code of an answer, which Zalo sends with HTTP 200 (0 when the message went out). */
export async function zaloError(response: Response): Promise<number> {
  expect(response.status).toBe(200);
  return (await json(response)).error as number;
}

/** The proxy's check of X-ZEvent-Signature, from the contract: mac = hex SHA-256(signingId + rawBody + timestamp + secret). */
export function verifyZaloSignature(signingId: string, secret: string, headers: IncomingHttpHeaders, rawBody: string): boolean {
  const header = headers['x-zevent-signature'];
  const body = JSON.parse(rawBody) as { timestamp?: unknown };
  if (typeof header !== 'string' || typeof body.timestamp !== 'string') return false;
  const match = /^mac=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHash('sha256').update(signingId + rawBody + body.timestamp + secret, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'));
}

export type ReceivedZaloWebhook = ReceivedRequest;
export type ZaloWebhookReceiver = Receiver<ReceivedZaloWebhook>;

export function startZaloWebhookReceiver(): Promise<ZaloWebhookReceiver> {
  return startReceiver('/api/v1/webhooks/zalo', (request) => request);
}

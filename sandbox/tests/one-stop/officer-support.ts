// A sandbox wired to a tiny local webhook receiver that checks signatures the way the proxy will, and helpers that
// act as the officer (JSON actions) and as the proxy (supplements, withdrawal).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { OneStopOptions } from '../../src/config';
import { type Attachment, type OneStopSandbox, ONE_STOP_TOKEN, json, startOneStopSandbox } from './one-stop-api';
import type { Json } from '../support/sandbox-server';
import { type ReceivedRequest, type Receiver, startReceiver } from '../support/webhook-receiver';

export const WEBHOOK_SECRET = 'test-webhook-secret';

export interface ReceivedWebhook extends ReceivedRequest {
  /** What the proxy's check says: the signature matches and the timestamp is within 5 minutes of now. */
  verdict: 'valid' | 'bad-signature' | 'stale-timestamp' | 'missing-headers';
}

/** The proxy's check, written from the contract (sandbox/README.md, "Status webhooks"), not from the sandbox's code. */
export function verifyWebhook(secret: string, headers: IncomingHttpHeaders, rawBody: string, nowMs = Date.now()): ReceivedWebhook['verdict'] {
  const timestamp = headers['x-onestop-timestamp'];
  const signature = headers['x-onestop-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !/^\d+$/.test(timestamp)) return 'missing-headers';
  const match = /^sha256=([0-9a-f]{64})$/.exec(signature);
  if (!match) return 'bad-signature';
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'))) return 'bad-signature';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > 300) return 'stale-timestamp';
  return 'valid';
}

export type WebhookReceiver = Receiver<ReceivedWebhook>;

export function startWebhookReceiver(secret = WEBHOOK_SECRET): Promise<WebhookReceiver> {
  return startReceiver('/api/v1/webhooks/one-stop', (request) => ({
    ...request,
    verdict: verifyWebhook(secret, request.headers, request.rawBody),
  }));
}

export interface OfficerSandbox extends OneStopSandbox {
  receiver: WebhookReceiver;
  /** `POST /officer/api/dossiers/:id/:action` with a JSON body. */
  act(id: string, action: string, body?: Json): Promise<Response>;
  /** Webhook deliveries once none is pending. */
  deliveries(): Promise<Json[]>;
  supplement(id: string, boSung: Json, attachments: Attachment[], key?: string): Promise<Response>;
  withdraw(id: string, body?: Json): Promise<Response>;
  html(path: string): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export async function startOfficerSandbox(oneStop: Partial<OneStopOptions> = {}): Promise<OfficerSandbox> {
  const receiver = await startWebhookReceiver();
  const sandbox = await startOneStopSandbox({
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
    webhookRetryDelaysMs: [0, 0],
    ...oneStop,
  });
  const auth = { authorization: `Bearer ${ONE_STOP_TOKEN}` };
  return {
    ...sandbox,
    receiver,
    act: (id, action, body = {}) =>
      fetch(`${sandbox.baseUrl}/officer/api/dossiers/${id}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async deliveries() {
      return (await json(await sandbox.control('GET', '/webhooks?settle=true'))).deliveries as Json[];
    },
    supplement(id, boSung, attachments, key = 'supplement-key-1') {
      const form = new FormData();
      form.append('BoSung', JSON.stringify(boSung));
      for (const attachment of attachments) {
        form.append(attachment.part, new Blob([attachment.bytes], { type: attachment.contentType }), attachment.fileName);
      }
      return fetch(`${sandbox.baseUrl}/one-stop/api/dossiers/${id}/supplements`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': key },
        body: form,
      });
    },
    withdraw: (id, body) =>
      fetch(`${sandbox.baseUrl}/one-stop/api/dossiers/${id}/withdrawal`, {
        method: 'POST',
        headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async html(path) {
      const response = await fetch(`${sandbox.baseUrl}${path}`, { redirect: 'manual' });
      return { status: response.status, text: await response.text() };
    },
    async close() {
      await sandbox.close();
      await receiver.close();
    },
  };
}

// Zalo's notification APIs (shared/reference/zalo-platform.md, "Mini app notification", "Template message by phone",
// "OA access token"), through the shared HTTP plumbing (zalo-http.ts). It sends and reports Zalo's answer; what an
// error code means for a notification is jobs/send-notification.ts's business (domain/notifications.ts classifies).
//
// Sending is not safe to repeat (Zalo does not de-duplicate, not even by tracking_id), so a send is retried here only
// when Zalo certainly did not act on it; a timeout or a dropped connection is `outcome-unknown` (ZaloCallError).
// Refreshing the OA token is not safe to repeat either: the refresh token is single-use.
import type { Config } from '../config';
import { callZalo, type ZaloEnvelope } from './zalo-http';

export interface ZaloNotificationClientOptions {
  /** https://openapi.mini.zalo.me */
  miniAppApiUrl: string;
  miniAppApiKey: string;
  /** The mini app's Zalo App ID (X-MiniApp-Id), also the OAuth app_id. */
  appId: string;
  /** https://business.openapi.zalo.me */
  businessApiUrl: string;
  /** https://oauth.zaloapp.com */
  oauthUrl: string;
  /** The app secret: `secret_key` of the OA token refresh. */
  appSecret: string;
  timeoutMs: number;
  retries: number;
  retryDelayMs?: number;
}

export interface ZbsQuota {
  daily: number;
  remaining: number;
}

/** Zalo's answer to a send: accepted (with its msg_id), or refused with a code. */
export type SendAnswer =
  | { ok: true; msgId: string | null; quota: ZbsQuota | null }
  | { ok: false; code: number; message: string };

export interface MiniAppNotification {
  /** The citizen's per-app Zalo user id (X-User-Id). */
  userId: string;
  templateId: string;
  templateData: { title: string; contentTitle: string; contentDescription: string; buttonText: string; buttonUrl: string };
}

export interface TemplateMessage {
  accessToken: string;
  /** 84xxxxxxxxx */
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  /** Ours, ≤ 48 characters: the notification id, echoed by the delivery receipt. */
  trackingId: string;
}

export type TokenAnswer =
  | { ok: true; accessToken: string; refreshToken: string; expiresInSeconds: number | null }
  | { ok: false; code: number; message: string };

const stringOf = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;

function answerOf(body: ZaloEnvelope): SendAnswer {
  const code = Number(body.error ?? 0);
  if (code !== 0) return { ok: false, code, message: typeof body.message === 'string' ? body.message : '' };
  const data = (body.data ?? {}) as Record<string, unknown>;
  const quota = data.quota as { dailyQuota?: unknown; remainingQuota?: unknown } | undefined;
  const daily = Number(quota?.dailyQuota);
  const remaining = Number(quota?.remainingQuota);
  return {
    ok: true,
    msgId: stringOf(data.msg_id) ?? stringOf(data.msgId),
    quota: quota && Number.isFinite(daily) && Number.isFinite(remaining) ? { daily, remaining } : null,
  };
}

export function createZaloNotificationClient(options: ZaloNotificationClientOptions) {
  const http = { timeoutMs: options.timeoutMs, retries: options.retries, retryDelayMs: options.retryDelayMs };
  const json = { 'content-type': 'application/json' };

  return {
    /**
     * `POST /notification/template` (mini app notification through the mini app's shared OA). `pace` is awaited before
     * every attempt, retries included.
     */
    async sendMiniAppNotification(message: MiniAppNotification, pace?: () => Promise<void>): Promise<SendAnswer> {
      const body = await callZalo(
        {
          url: `${options.miniAppApiUrl}/notification/template`,
          method: 'POST',
          headers: {
            ...json,
            'X-User-Id': message.userId,
            'X-Api-Key': `Bearer ${options.miniAppApiKey}`,
            'X-MiniApp-Id': options.appId,
          },
          body: JSON.stringify({ templateId: message.templateId, templateData: message.templateData }),
          idempotent: false,
          beforeAttempt: pace,
        },
        http,
      );
      return answerOf(body);
    },

    /** `POST /message/template` (ZBS template message by phone); `pace` as for mini app notifications. */
    async sendTemplateMessage(message: TemplateMessage, pace?: () => Promise<void>): Promise<SendAnswer> {
      const body = await callZalo(
        {
          url: `${options.businessApiUrl}/message/template`,
          method: 'POST',
          headers: { ...json, access_token: message.accessToken },
          body: JSON.stringify({
            phone: message.phone,
            template_id: message.templateId,
            template_data: message.templateData,
            tracking_id: message.trackingId,
          }),
          idempotent: false,
          beforeAttempt: pace,
        },
        http,
      );
      return answerOf(body);
    },

    /** `POST /v4/oa/access_token` with the (single-use) refresh token: a new pair. */
    async refreshOaToken(refreshToken: string): Promise<TokenAnswer> {
      const body = await callZalo(
        {
          url: `${options.oauthUrl}/v4/oa/access_token`,
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: options.appSecret },
          body: new URLSearchParams({ app_id: options.appId, grant_type: 'refresh_token', refresh_token: refreshToken }),
          idempotent: false,
        },
        http,
      );
      const code = Number(body.error ?? 0);
      const accessToken = stringOf(body.access_token);
      const newRefreshToken = stringOf(body.refresh_token);
      if (code !== 0 || !accessToken || !newRefreshToken) {
        const message = [body.error_name, body.error_description, body.message].filter((part) => typeof part === 'string').join(': ');
        return { ok: false, code: code === 0 ? -1 : code, message };
      }
      const expires = Number(body.expires_in);
      return { ok: true, accessToken, refreshToken: newRefreshToken, expiresInSeconds: Number.isFinite(expires) ? expires : null };
    },
  };
}

export type ZaloNotificationClient = ReturnType<typeof createZaloNotificationClient>;

/** The client as the configuration describes it (the worker's, and the tests' that stand in for a worker). */
export function zaloNotificationClientFor(config: Pick<Config, 'notifications' | 'zalo'>) {
  return createZaloNotificationClient({
    miniAppApiUrl: config.notifications.miniApp.apiUrl,
    miniAppApiKey: config.notifications.miniApp.apiKey,
    appId: config.zalo.appId,
    businessApiUrl: config.notifications.zbs.apiUrl,
    oauthUrl: config.notifications.zbs.oauthUrl,
    appSecret: config.zalo.appSecret,
    timeoutMs: config.zalo.timeoutMs,
    retries: config.zalo.retries,
  });
}

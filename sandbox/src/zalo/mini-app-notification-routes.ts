import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { AccessTokenStore } from './access-tokens';
import { sameSecret } from './appsecret-proof';
import type { DailyLimits } from './daily-limits';
import type { DemoCitizen } from './demo-citizens';
import type { FaultInjector } from './faults';
import type { MessageStore } from './message-store';
import type { SendRateLimit } from './send-rate-limit';
import type { NotificationOptIns } from './notification-opt-ins';
import { type SendingHours, isWithinSendingHours } from './sending-hours';
import { NOTIFY_ERROR, answerUnreadableBodiesLikeZalo, defaultZaloMessage, zaloError } from './zalo-errors';

export interface MiniAppNotificationOptions {
  appId: string;
  /** Expected as `X-Api-Key: Bearer <key>`. */
  apiKey: string;
  accessTokens: AccessTokenStore;
  optIns: NotificationOptIns;
  limits: DailyLimits;
  messages: MessageStore;
  citizens: ReadonlyMap<string, DemoCitizen>;
  faults: FaultInjector;
  /** The per-app request rate: checked first, before injected faults (a faulted request was one Zalo received). */
  sendRate: SendRateLimit;
  sendingHours: SendingHours;
  now: Clock;
}

/** Notifications go only to users who opened the mini app within this window. */
const RECENT_USE_MS = 7 * 24 * 3600 * 1000;
const MAX_TITLE_LENGTH = 32;
const TEXT_FIELDS = ['title', 'contentTitle', 'contentDescription', 'buttonText', 'buttonUrl'] as const;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** What is wrong with the body, in Zalo's "Invalid parameter" style; undefined when it is fine. */
function bodyProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'body must be a JSON object';
  const { templateId, templateData } = body;
  if (!((typeof templateId === 'string' && templateId !== '') || typeof templateId === 'number')) return 'templateId is required';
  if (!isObject(templateData)) return 'templateData must be an object';
  for (const field of TEXT_FIELDS) {
    const value = templateData[field];
    if (typeof value !== 'string' || value.trim() === '') return `templateData.${field} is required`;
  }
  if ([...(templateData.title as string)].length > MAX_TITLE_LENGTH) return `templateData.title is longer than ${MAX_TITLE_LENGTH} characters`;
  if (!isHttpsUrl(templateData.buttonUrl as string)) return 'templateData.buttonUrl must be an https URL';
  return undefined;
}

const refusal = (error: number) => zaloError(error, defaultZaloMessage(error));

/**
 * `POST /notification/template` of openapi.mini.zalo.me (reference: zalo-platform.md, "Mini app notification"):
 * only to users who allowed notifications and used the app in the last 7 days, one per user per local day, the
 * app's daily limit, 06:00–22:00 Asia/Ho_Chi_Minh. HTTP 200 always; no delivery webhook for this channel.
 */
export async function miniAppNotificationRoutes(app: FastifyInstance, options: MiniAppNotificationOptions): Promise<void> {
  const { accessTokens, optIns, limits, messages, citizens, now } = options;
  answerUnreadableBodiesLikeZalo(app);
  app.addHook('preHandler', options.faults.hook);

  app.post('/notification/template', { config: { zaloChannel: 'mini-app' }, onRequest: options.sendRate.hook('mini-app') }, async (request) => {
    const apiKey = header(request, 'x-api-key');
    const appId = header(request, 'x-miniapp-id');
    if (apiKey === undefined || !sameSecret(`Bearer ${options.apiKey}`, apiKey) || appId !== options.appId) {
      return zaloError(NOTIFY_ERROR.INVALID_CREDENTIALS, 'Invalid API key or mini app id');
    }
    const userId = header(request, 'x-user-id');
    if (userId === undefined) return zaloError(NOTIFY_ERROR.BAD_REQUEST, 'Invalid parameter: X-User-Id is required');
    const problem = bodyProblem(request.body);
    if (problem !== undefined) return zaloError(NOTIFY_ERROR.BAD_REQUEST, `Invalid parameter: ${problem}`);

    const at = now();
    if (optIns.allowedAt(userId) === undefined) return refusal(NOTIFY_ERROR.NOT_ALLOWED_BY_USER);
    const lastUse = accessTokens.lastIssuedAt(userId);
    if (lastUse === undefined || at - lastUse > RECENT_USE_MS) return refusal(NOTIFY_ERROR.USER_INACTIVE);
    if (!isWithinSendingHours(at, options.sendingHours)) return refusal(NOTIFY_ERROR.QUIET_HOURS);
    const limited = limits.miniAppRefusal(userId);
    if (limited === 'user-daily-limit') return zaloError(NOTIFY_ERROR.DAILY_LIMIT, 'User has already received a notification today');
    if (limited === 'app-daily-limit') return refusal(NOTIFY_ERROR.APP_DAILY_LIMIT);

    limits.recordMiniApp(userId);
    const body = request.body as { templateId: string | number; templateData: Record<string, unknown> };
    const msgId = randomBytes(16).toString('hex');
    messages.record({
      channel: 'mini-app',
      msgId,
      trackingId: null,
      userId,
      phone: citizens.get(userId)?.phone ?? null,
      templateId: String(body.templateId),
      data: body.templateData,
      receivedAt: new Date(at).toISOString(),
    });
    return { error: 0, message: 'Success', data: { msgId } };
  });
}

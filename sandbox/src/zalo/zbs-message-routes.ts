import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { DailyLimits } from './daily-limits';
import type { DeliveryReceipts } from './delivery-receipts';
import type { DemoCitizen } from './demo-citizens';
import type { FaultInjector } from './faults';
import type { MessageStore } from './message-store';
import type { SendRateLimit } from './send-rate-limit';
import type { OaTokenStore } from './oa-tokens';
import { type SendingHours, isWithinSendingHours } from './sending-hours';
import { NOTIFY_ERROR, answerUnreadableBodiesLikeZalo, defaultZaloMessage, zaloError } from './zalo-errors';
import type { ZbsRestrictions } from './zbs-restrictions';

export interface ZbsMessageOptions {
  oaTokens: OaTokenStore;
  restrictions: ZbsRestrictions;
  limits: DailyLimits;
  messages: MessageStore;
  receipts: DeliveryReceipts;
  citizensByPhone: ReadonlyMap<string, DemoCitizen>;
  faults: FaultInjector;
  /** The per-app request rate: checked first, before injected faults (a faulted request was one Zalo received). */
  sendRate: SendRateLimit;
  sendingHours: SendingHours;
  /** Sandbox-clock time between the message reaching the phone and its delivery_time. */
  deliveryDelayMs: number;
  now: Clock;
}

const MAX_TRACKING_ID_LENGTH = 48;
/** Zalo's form of a Vietnamese mobile number: 84 and nine digits. */
const ZALO_PHONE = /^84\d{9}$/;

interface ZbsBody {
  phone: string;
  template_id: string | number;
  template_data: Record<string, unknown>;
  tracking_id: string;
  mode?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with the body, in Zalo's "Invalid parameter" style; undefined when it is fine. */
function bodyProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'body must be a JSON object';
  const { template_id: templateId, template_data: templateData, tracking_id: trackingId, mode } = body;
  if (!((typeof templateId === 'string' && templateId !== '') || typeof templateId === 'number')) return 'template_id is required';
  if (!isObject(templateData)) return 'template_data must be an object';
  if (typeof trackingId !== 'string' || trackingId === '') return 'tracking_id is required';
  if (trackingId.length > MAX_TRACKING_ID_LENGTH) return `tracking_id is longer than ${MAX_TRACKING_ID_LENGTH} characters`;
  if (mode !== undefined && typeof mode !== 'string') return 'mode must be a string';
  return undefined;
}

function accessTokenOf(request: FastifyRequest): string | undefined {
  const value = request.headers['access_token'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const refusal = (error: number) => zaloError(error, defaultZaloMessage(error));

/**
 * `POST /message/template` of business.openapi.zalo.me (reference: zalo-platform.md, "Template message by phone"):
 * OA access token, approved templates, the OA's daily quota, 06:00–22:00 Asia/Ho_Chi_Minh. Zalo does not dedupe
 * tracking ids: a repeat is sent again, and recorded as a duplicate. A sent message reaches the phone at once and
 * its `user_received_message` webhook follows.
 */
export async function zbsMessageRoutes(app: FastifyInstance, options: ZbsMessageOptions): Promise<void> {
  const { oaTokens, restrictions, limits, messages, receipts, citizensByPhone, now } = options;
  answerUnreadableBodiesLikeZalo(app);
  app.addHook('preHandler', options.faults.hook);

  app.post('/message/template', { config: { zaloChannel: 'zbs' }, onRequest: options.sendRate.hook('zbs') }, async (request) => {
    const token = accessTokenOf(request);
    if (token === undefined || !oaTokens.isValidAccessToken(token)) {
      return zaloError(NOTIFY_ERROR.INVALID_CREDENTIALS, 'Access token is invalid or has expired');
    }
    const problem = bodyProblem(request.body);
    if (problem !== undefined) return zaloError(NOTIFY_ERROR.BAD_REQUEST, `Invalid parameter: ${problem}`);
    const body = request.body as ZbsBody;

    const phone = typeof body.phone === 'string' ? body.phone : '';
    const mark = restrictions.markOf(phone);
    if (!ZALO_PHONE.test(phone) || mark === NOTIFY_ERROR.INVALID_PHONE) return refusal(NOTIFY_ERROR.INVALID_PHONE);
    if (mark === NOTIFY_ERROR.CANNOT_RECEIVE) return refusal(NOTIFY_ERROR.CANNOT_RECEIVE);
    const templateId = String(body.template_id);
    if (!restrictions.isApproved(templateId)) return refusal(NOTIFY_ERROR.TEMPLATE_NOT_APPROVED);
    const at = now();
    if (!isWithinSendingHours(at, options.sendingHours)) return refusal(NOTIFY_ERROR.QUIET_HOURS);
    const quota = limits.takeZbs();
    if (quota === undefined) return zaloError(NOTIFY_ERROR.DAILY_LIMIT, 'Daily quota exceeded');

    const msgId = randomBytes(16).toString('hex');
    messages.record({
      channel: 'zbs',
      msgId,
      trackingId: body.tracking_id,
      userId: citizensByPhone.get(phone)?.id ?? null,
      phone,
      templateId,
      data: body.template_data,
      receivedAt: new Date(at).toISOString(),
    });
    receipts.receipt({ msgId, trackingId: body.tracking_id, phone }, at + options.deliveryDelayMs);
    return {
      error: 0,
      message: 'Success',
      data: {
        msg_id: msgId,
        sent_time: String(at),
        quota: { dailyQuota: String(quota.dailyQuota), remainingQuota: String(quota.remainingQuota) },
      },
    };
  });
}

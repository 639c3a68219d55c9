// The send-notification job and the sweep: the state machine every Zalo notification row goes through
// (server/README.md, "Notifications"):
//
//   created ─claim→ sending ─Zalo accepted→ delivered (mini app: Zalo sends no receipt) / sending + msg_id (ZBS:
//   until the receipt marks it delivered) ─Zalo refused→ temporary-failure (retried later) | permanent-failure |
//   technical-failure.
//
// Claim, send, record: the claim (state `sending`, a lease in next_attempt_at) is committed before Zalo is called, and
// the answer recorded in a second transaction that only applies if the row is still this attempt's. A job finding a
// row delivered or failed does nothing; finding it `sending` with a live lease does nothing (another worker has it).
// So no retry, duplicate job or second worker ever sends a row twice.
//
// What remains is the moment between Zalo acting and the answer being recorded (a timeout, a dropped connection, or a
// worker dying with the row claimed): the outcome is unknown, and Zalo does not de-duplicate. Then:
// - ZBS: wait NOTIFY_RECEIPT_WAIT_SECONDS for the delivery receipt, which carries tracking_id = the notification id:
//   a receipt marks it delivered (sent once); none, and it is sent again with the same tracking_id. The residual
//   at-least-once window: Zalo did send the first, but its receipt did not come within the wait (the phone offline, or
//   our webhook endpoint unreachable) — then the citizen gets it twice.
// - mini app: Zalo allows one per citizen and day, so a repeat the same Vietnamese day is safe: Zalo answers -144 if
//   the first went through (then it is recorded delivered) and accepts it if not. On a later day, or when another
//   message already went to the citizen that day, it is not repeated: technical-failure OUTCOME_UNKNOWN (at most once).
//
// Waits: nothing is sent in quiet hours (the row waits for 06:00); a daily limit or quota used up waits for the next
// day, or — NOTIFY_FALLBACK=next, the default — gives way when the same event reaches the citizen on another channel.
import type { Logger } from 'pino';
import { ZaloCallError } from '../clients/zalo-http';
import type { ZaloNotificationClient } from '../clients/zalo-notification-client';
import type { Config } from '../config';
import type { Db, Queryable } from '../db/db';
import { buildDeepLink } from '@lao-cai-so/domain/deep-link';
import {
  classifyZaloError,
  endOfQuietHours,
  isQuietTime,
  MINI_APP_NOT_ALLOWED,
  nextSendingDay,
  retryDelaySeconds,
  sameVietnamDay,
  type ZaloChannel,
} from '@lao-cai-so/domain/notifications';
import type { JobQueue } from '../queue/job-queue';
import { notificationLeaseMs } from '../queue/job-queue';
import { createMiniAppChannel } from './notify-mini-app';
import type { DeliveryAnswer, NotificationRow, NotifyChannel, Precheck, Recipient } from './notify-channels';
import { createZbsChannel } from './notify-zbs';
import { createSendPacer } from './send-pacer';

export interface NotifyDependencies {
  db: Db;
  /** Where the sweep enqueues what fell due. */
  jobs: Pick<JobQueue, 'sendNotification'>;
  client: ZaloNotificationClient;
  config: Pick<Config, 'notifications' | 'zalo'>;
  now: () => Date;
  log: Logger;
  random?: () => number;
}

export type NotifyOutcome =
  | 'missing'
  | 'nothing-to-do'
  | 'waiting'
  | 'sent'
  | 'delivered'
  | 'retry'
  | 'failed'
  | 'outcome-unknown'
  | 'superseded';

const OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN';
/** How long the sweep leaves a new row to the job enqueued with it. */
const NEW_ROW_GRACE_MS = 60_000;

interface Claim {
  row: NotificationRow;
  recipient: Recipient;
  attempt: number;
  /** A mini app message sent again after an unknown outcome: -144 means the first went through. */
  confirmByDailyLimit: boolean;
}

/** A row as claimed: with whether a newer status event of its application already notified the citizen. */
type ClaimedRow = NotificationRow & { superseded: boolean };

const ROW_COLUMNS = `id, application_id, citizen_id, event_id, channel, kind, status, title, body, params, state, attempts,
  next_attempt_at, last_attempt_at, provider_msg_id, error_code, created_at`;

/** Read with the row: a newer status event of the same application notified the citizen (this one is out of date). */
const SUPERSEDED = `exists (
    select 1 from notifications n join application_events e on e.event_id = n.event_id
    where n.application_id = notifications.application_id and n.channel = 'inbox'
      and e.id > (select id from application_events where event_id = notifications.event_id)
  ) as superseded`;

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

export function createNotifyHandler(deps: NotifyDependencies) {
  const { db, config, log } = deps;
  const settings = config.notifications;
  const random = deps.random ?? Math.random;
  const leaseMs = notificationLeaseMs(config);
  // One per handler, and a worker process has one handler: its send loops share the rate.
  const pacer = createSendPacer(settings.sendRatePerSecond);
  const context = { db, client: deps.client, config, now: deps.now, log, pacer };
  const channels: Record<ZaloChannel, NotifyChannel> = { 'mini-app': createMiniAppChannel(context), zbs: createZbsChannel(context) };

  /** Moves the row to a state, recording why; `next` is when to look again (null: never). */
  async function setState(
    tx: Queryable,
    row: NotificationRow,
    state: string,
    at: Date,
    fields: { code?: string | null; next?: Date | null } = {},
  ): Promise<void> {
    await tx.query(
      `update notifications set state = $2, error_code = $3, next_attempt_at = $4, updated_at = $5 where id = $1`,
      [row.id, state, fields.code === undefined ? row.error_code : fields.code, fields.next ?? null, at],
    );
  }

  /** Leaves the row as it is until `until` (quiet hours, a daily limit), noting why. */
  async function wait(tx: Queryable, row: NotificationRow, until: Date, code: string | null, at: Date): Promise<void> {
    await tx.query(`update notifications set next_attempt_at = $2, error_code = $3, updated_at = $4 where id = $1`, [
      row.id,
      until,
      code,
      at,
    ]);
  }

  /** True when the same event reaches the citizen on another Zalo channel (sent, or still on its way). */
  async function anotherChannelCarries(tx: Queryable, row: NotificationRow): Promise<boolean> {
    const { rows } = await tx.query(
      `select 1 from notifications
       where application_id = $1 and event_id = $2 and channel <> 'inbox' and id <> $3
         and state not in ('permanent-failure', 'technical-failure')`,
      [row.application_id, row.event_id, row.id],
    );
    return rows.length > 0;
  }

  /**
   * A daily limit: give way to another channel (NOTIFY_FALLBACK=next), or wait for the next day. `failed`: Zalo refused
   * an attempt (temporary-failure); otherwise the proxy held it back (the row keeps its state). `waitCode` is recorded
   * while waiting (a repeat after an unknown outcome stays marked as one).
   */
  async function limitReached(
    tx: Queryable,
    row: NotificationRow,
    until: Date,
    code: string,
    at: Date,
    failed: boolean,
    waitCode = code,
  ) {
    if (settings.fallback === 'next' && (await anotherChannelCarries(tx, row))) {
      await setState(tx, row, 'permanent-failure', at, { code });
      log.info({ notificationId: row.id, channel: row.channel, code }, 'notification gives way to another channel');
      return 'failed' as const;
    }
    if (failed) await setState(tx, row, 'temporary-failure', at, { code, next: until });
    else await wait(tx, row, until, waitCode, at);
    log.info({ notificationId: row.id, channel: row.channel, code, until: until.toISOString() }, 'notification waits for the next day');
    return 'waiting' as const;
  }

  async function recipientOf(tx: Queryable, row: NotificationRow, at: Date): Promise<Recipient | null> {
    const granted = (purpose: string) =>
      `exists (select 1 from consents k where k.citizen_id = c.id and k.purpose = '${purpose}' and k.withdrawn_at is null)`;
    const { rows } = await tx.query<{
      zalo_user_id: string;
      phone: string | null;
      last_seen_at: Date;
      mini_app_allowed_at: Date | null;
      phone_enabled: boolean | null;
      notifications_granted: boolean;
      phone_granted: boolean;
      channel_paused_until: Date | null;
    }>(
      // Locks the citizen: two of their messages are never claimed at once, so the one-a-day count cannot race. The
      // channel's pause comes with it (as of the statement's start: a pause committed while this waited for the lock
      // costs one send that Zalo refuses for the same limit, which pauses the channel again).
      `select c.zalo_user_id, c.phone, c.last_seen_at, s.mini_app_allowed_at, s.phone_enabled,
         ${granted('notifications')} as notifications_granted, ${granted('phone')} as phone_granted,
         (select paused_until from notification_channels where channel = $2) as channel_paused_until
       from citizens c left join notification_settings s on s.citizen_id = c.id
       where c.id = $1
       for update of c`,
      [row.citizen_id, row.channel],
    );
    const citizen = rows[0];
    if (!citizen) return null;
    const phone = citizen.phone_granted ? citizen.phone : null;
    const chosen =
      citizen.notifications_granted &&
      settings.channels.includes(row.channel) &&
      (row.channel === 'mini-app' ? citizen.mini_app_allowed_at !== null : citizen.phone_enabled === true && phone !== null);
    const paused = citizen.channel_paused_until === null ? null : new Date(citizen.channel_paused_until);
    return {
      zaloUserId: citizen.zalo_user_id,
      phone,
      lastSeenAt: new Date(citizen.last_seen_at),
      chosen,
      channelPausedUntil: paused && paused.getTime() > at.getTime() ? paused : null,
    };
  }

  /** The claim transaction's decision for a row that may be sent now. */
  async function prepare(tx: Queryable, row: ClaimedRow, at: Date, resend: boolean): Promise<Claim | NotifyOutcome> {
    // A repeat after an unknown outcome stays marked as one while it waits.
    const waitCode = (code: string | null) => (resend ? OUTCOME_UNKNOWN : code);
    const recipient = await recipientOf(tx, row, at);
    if (!recipient || !recipient.chosen) {
      // Consent withdrawn, channel turned off or phone gone since the event: not sent.
      await setState(tx, row, 'permanent-failure', at, { code: 'CHANNEL_OFF' });
      return 'failed';
    }
    if (!resend && row.superseded) {
      await setState(tx, row, 'permanent-failure', at, { code: 'SUPERSEDED' });
      return 'superseded';
    }
    if (isQuietTime(at, settings.quietHours)) {
      await wait(tx, row, endOfQuietHours(at, settings.quietHours), waitCode(row.error_code), at);
      return 'waiting';
    }
    const check: Precheck = await channels[row.channel].precheck(tx, row, recipient, at, resend);
    if (check.kind === 'fail') {
      await setState(tx, row, check.state, at, { code: check.code });
      return 'failed';
    }
    if (check.kind === 'wait') {
      await wait(tx, row, check.until, waitCode(check.code), at);
      return 'waiting';
    }
    if (check.kind === 'limit') {
      if (resend && row.channel === 'mini-app') {
        // Another message went to the citizen today: Zalo's -144 could no longer tell whether the first went through.
        await setState(tx, row, 'technical-failure', at, { code: OUTCOME_UNKNOWN });
        return 'outcome-unknown';
      }
      return limitReached(tx, row, check.until, check.code, at, false, waitCode(check.code) as string);
    }
    const attempt = row.attempts + 1;
    await tx.query(
      `update notifications set state = 'sending', attempts = $2, last_attempt_at = $3, next_attempt_at = $4,
         error_code = null, updated_at = $3
       where id = $1`,
      [row.id, attempt, at, new Date(at.getTime() + leaseMs)],
    );
    return { row, recipient, attempt, confirmByDailyLimit: resend && row.channel === 'mini-app' };
  }

  /** A row left `sending` without Zalo's answer: a worker died, or the answer was lost. */
  async function resolveUnknown(tx: Queryable, row: ClaimedRow, at: Date): Promise<Claim | NotifyOutcome> {
    if (row.error_code !== OUTCOME_UNKNOWN) {
      log.warn({ notificationId: row.id, channel: row.channel, attempt: row.attempts }, 'a send was interrupted: outcome unknown');
      if (row.channel === 'zbs') {
        await wait(tx, row, new Date(at.getTime() + settings.receiptWaitSeconds * 1000), OUTCOME_UNKNOWN, at);
        return 'outcome-unknown';
      }
      row.error_code = OUTCOME_UNKNOWN;
    }
    if (row.channel === 'mini-app' && !(row.last_attempt_at && sameVietnamDay(row.last_attempt_at, at))) {
      await setState(tx, row, 'technical-failure', at, { code: OUTCOME_UNKNOWN });
      return 'outcome-unknown';
    }
    // ZBS: no receipt came within the wait (it would have marked the row delivered). Mini app: the same day.
    return prepare(tx, row, at, true);
  }

  async function claim(notificationId: string): Promise<Claim | NotifyOutcome> {
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<ClaimedRow>(
        `select ${ROW_COLUMNS}, ${SUPERSEDED} from notifications where id = $1 for update`,
        [notificationId],
      );
      const found = rows[0];
      if (!found || found.channel === ('inbox' as ZaloChannel)) return 'missing';
      const row: ClaimedRow = {
        ...found,
        next_attempt_at: toDate(found.next_attempt_at),
        last_attempt_at: toDate(found.last_attempt_at),
        created_at: new Date(found.created_at),
      };
      const at = deps.now();
      if (!['created', 'temporary-failure', 'sending'].includes(row.state)) return 'nothing-to-do';
      // Accepted by Zalo, waiting for its receipt; or not due (another worker's lease, or a wait).
      if (row.provider_msg_id !== null) return 'nothing-to-do';
      if (row.next_attempt_at === null || row.next_attempt_at.getTime() > at.getTime()) return 'nothing-to-do';
      if (row.state === 'sending') return resolveUnknown(tx, row, at);
      return prepare(tx, row, at, false);
    });
  }

  async function record(claimed: Claim, answer: DeliveryAnswer | ZaloCallError): Promise<NotifyOutcome> {
    const { row, attempt } = claimed;
    const facts = { notificationId: row.id, channel: row.channel, attempt };
    return db.transaction(async (tx) => {
      const at = deps.now();
      if (!(answer instanceof ZaloCallError)) await channels[row.channel].afterAnswer?.(tx, answer, at);
      const { rows } = await tx.query<{ state: string; attempts: number }>(
        'select state, attempts from notifications where id = $1 for update',
        [row.id],
      );
      // Deleted with the citizen, or moved on meanwhile (a delivery receipt came first): leave it.
      if (!rows[0] || rows[0].state !== 'sending' || rows[0].attempts !== attempt) return 'nothing-to-do';

      if (answer instanceof ZaloCallError) {
        if (answer.kind === 'outcome-unknown') {
          if (attempt > settings.retry.limit) {
            await setState(tx, row, 'technical-failure', at, { code: OUTCOME_UNKNOWN });
            log.error({ ...facts, problem: answer.message }, 'notification send: outcome unknown on the last attempt, given up');
            return 'failed';
          }
          // Zalo may be down (connections dropped): back off as for any failure; ZBS waits for a receipt at least.
          const backoffMs = retryDelaySeconds(attempt, settings.retry.delaySeconds, settings.retry.maxDelaySeconds, random()) * 1000;
          const waitMs = row.channel === 'zbs' ? Math.max(settings.receiptWaitSeconds * 1000, backoffMs) : backoffMs;
          log.warn({ ...facts, problem: answer.message }, 'notification send: outcome unknown');
          await wait(tx, row, new Date(at.getTime() + waitMs), OUTCOME_UNKNOWN, at);
          return 'outcome-unknown';
        }
        const code = answer.zaloCode !== undefined ? String(answer.zaloCode) : answer.httpStatus ? `HTTP_${answer.httpStatus}` : 'NETWORK';
        return retryLater(tx, row, attempt, code, at);
      }
      if (answer.ok) {
        const delivered = row.channel === 'mini-app';
        await tx.query(
          `update notifications set state = $2, provider_msg_id = $3, sent_at = $4, delivered_at = $5, next_attempt_at = null,
             error_code = null, updated_at = $4
           where id = $1`,
          [row.id, delivered ? 'delivered' : 'sending', answer.msgId, at, delivered ? at : null],
        );
        log.info(facts, delivered ? 'mini app notification sent' : 'template message accepted, waiting for its receipt');
        return 'sent';
      }
      const code = String(answer.code);
      if (typeof answer.code === 'string') {
        // The OA token could not be refreshed: an operator must act; retried meanwhile.
        return retryLater(tx, row, attempt, code, at);
      }
      if (claimed.confirmByDailyLimit && answer.code === -144) {
        await tx.query(
          `update notifications set state = 'delivered', delivered_at = $2, sent_at = last_attempt_at, next_attempt_at = null,
             error_code = 'CONFIRMED_BY_DAILY_LIMIT', updated_at = $2
           where id = $1`,
          [row.id, at],
        );
        log.info(facts, 'mini app notification: the repeat was refused as the second of the day, so the first went through');
        return 'delivered';
      }
      const failure = classifyZaloError(row.channel, answer.code);
      const logged = { ...facts, zaloCode: answer.code, class: failure };
      switch (failure) {
        case 'token':
        case 'transient':
          return retryLater(tx, row, attempt, code, at);
        case 'tomorrow':
          return limitReached(tx, row, nextSendingDay(at, settings.quietHours), code, at, true);
        case 'after-quiet-hours': {
          // Zalo's clock says quiet hours: try again in ten minutes, or after they end.
          const soon = new Date(at.getTime() + 10 * 60_000);
          const next = isQuietTime(soon, settings.quietHours) ? endOfQuietHours(soon, settings.quietHours) : soon;
          await setState(tx, row, 'temporary-failure', at, { code, next });
          log.info(logged, 'notification refused in quiet hours, waiting');
          return 'waiting';
        }
        case 'permanent':
          await setState(tx, row, 'permanent-failure', at, { code });
          if (row.channel === 'mini-app' && answer.code === MINI_APP_NOT_ALLOWED) {
            // The citizen took the permission back inside Zalo: the channel is off until they allow it again.
            await tx.query(
              'update notification_settings set mini_app_allowed_at = null, updated_at = $2 where citizen_id = $1',
              [row.citizen_id, at],
            );
          }
          log.info(logged, 'notification cannot reach this citizen: not retried');
          return 'failed';
        case 'technical':
          await setState(tx, row, 'technical-failure', at, { code });
          log.error(logged, 'notification refused as malformed or misconfigured: check the Zalo settings and templates');
          return 'failed';
      }
    });
  }

  async function retryLater(tx: Queryable, row: NotificationRow, attempt: number, code: string, at: Date): Promise<NotifyOutcome> {
    const facts = { notificationId: row.id, channel: row.channel, attempt, code };
    if (attempt > settings.retry.limit) {
      await setState(tx, row, 'technical-failure', at, { code });
      log.error(facts, 'notification gave up after its last retry');
      return 'failed';
    }
    const delay = retryDelaySeconds(attempt, settings.retry.delaySeconds, settings.retry.maxDelaySeconds, random());
    await setState(tx, row, 'temporary-failure', at, { code, next: new Date(at.getTime() + delay * 1000) });
    log.warn(facts, 'notification send failed, will retry');
    return 'retry';
  }

  /** Sends one notification if it is due; safe to run any number of times, by any number of workers. */
  async function send(notificationId: string): Promise<NotifyOutcome> {
    const claimed = await claim(notificationId);
    if (typeof claimed === 'string') return claimed;
    const link = buildDeepLink(config.zalo.appId, { application: claimed.row.application_id });
    let answer: DeliveryAnswer | ZaloCallError;
    try {
      answer = await channels[claimed.row.channel].deliver({ row: claimed.row, recipient: claimed.recipient, link });
    } catch (error) {
      if (!(error instanceof ZaloCallError)) throw error;
      answer = error;
    }
    return record(claimed, answer);
  }

  /**
   * Enqueues every row that is due (by this worker's clock): retries, ends of waits, leases run out. A new row's job
   * was enqueued with it (the outbox), so a row still as created is only picked up once it has waited a minute (a job
   * lost); enqueueing the rest again would cost an insert each, every sweep, while a backlog drains.
   */
  async function sweep(limit = 500): Promise<number> {
    const now = deps.now();
    const { rows } = await db.query<{ id: string }>(
      `select id from notifications
       where channel <> 'inbox' and state in ('created', 'temporary-failure', 'sending') and provider_msg_id is null
         and next_attempt_at <= $1
         and (state <> 'created' or next_attempt_at > created_at or created_at <= $2)
       order by next_attempt_at limit $3`,
      [now, new Date(now.getTime() - NEW_ROW_GRACE_MS), limit],
    );
    for (const row of rows) await deps.jobs.sendNotification(null, { notificationId: row.id });
    return rows.length;
  }

  return { send, sweep };
}

export type NotifyHandler = ReturnType<typeof createNotifyHandler>;

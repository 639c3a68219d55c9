// The SQL of sending a notification: reads and locks the rows the state machine decides on
// (@lao-cai-so/domain/notification-state) and writes its decisions. No rule lives here.
import type { Db, Queryable } from '../../db/db';
import type { NotificationChange, NotificationRowFacts } from '@lao-cai-so/domain/notification-state';
import { choseChannel, type ZaloChannel } from '@lao-cai-so/domain/notifications';
import { CHANNEL_CHOICE_COLUMNS, channelChoiceFacts, type ChannelChoiceRow } from '../channel-choice';
import type { NotificationRow, Recipient } from './notify-channels';

/** A row as claimed: with whether a newer status event of its application already notified the citizen. */
export type ClaimedRow = NotificationRow & { superseded: boolean };

/** How long the sweep leaves a new row to the job enqueued with it. */
const NEW_ROW_GRACE_MS = 60_000;

const ROW_COLUMNS = `id, application_id, citizen_id, event_id, channel, kind, status, title, body, params, state, attempts,
  next_attempt_at, last_attempt_at, provider_msg_id, error_code, created_at`;

/** A newer status event of the same application notified the citizen (this one is out of date). */
const SUPERSEDED = `exists (
    select 1 from notifications n join application_events e on e.event_id = n.event_id
    where n.application_id = notifications.application_id and n.channel = 'inbox'
      and e.id > (select id from application_events where event_id = notifications.event_id)
  ) as superseded`;

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** Locks a Zalo notification row for its claim; null if there is none (deleted, or an inbox row). */
export async function lockNotification(tx: Queryable, notificationId: string): Promise<ClaimedRow | null> {
  const { rows } = await tx.query<ClaimedRow>(`select ${ROW_COLUMNS}, ${SUPERSEDED} from notifications where id = $1 for update`, [
    notificationId,
  ]);
  const found = rows[0];
  if (!found || found.channel === ('inbox' as ZaloChannel)) return null;
  return {
    ...found,
    next_attempt_at: toDate(found.next_attempt_at),
    last_attempt_at: toDate(found.last_attempt_at),
    created_at: new Date(found.created_at),
  };
}

export function rowFacts(row: ClaimedRow): NotificationRowFacts {
  return {
    channel: row.channel,
    state: row.state as NotificationRowFacts['state'],
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    providerMsgId: row.provider_msg_id,
    errorCode: row.error_code,
    superseded: row.superseded,
  };
}

/** The citizen the row goes to, locked; null when deleted. */
export async function readRecipient(
  tx: Queryable,
  row: NotificationRow,
  at: Date,
  inUse: readonly ZaloChannel[],
): Promise<Recipient | null> {
  const { rows } = await tx.query<ChannelChoiceRow & { zalo_user_id: string; last_seen_at: Date; channel_paused_until: Date | null }>(
    // Locks the citizen: two of their messages are never claimed at once, so the one-a-day count cannot race. The
    // channel's pause comes with it (as of the statement's start: a pause committed while this waited for the lock
    // costs one send that Zalo refuses for the same limit, which pauses the channel again).
    `select c.zalo_user_id, c.last_seen_at, ${CHANNEL_CHOICE_COLUMNS},
       (select paused_until from notification_channels where channel = $2) as channel_paused_until
     from citizens c left join notification_settings s on s.citizen_id = c.id
     where c.id = $1
     for update of c`,
    [row.citizen_id, row.channel],
  );
  const citizen = rows[0];
  if (!citizen) return null;
  const paused = citizen.channel_paused_until === null ? null : new Date(citizen.channel_paused_until);
  return {
    zaloUserId: citizen.zalo_user_id,
    phone: citizen.phone_granted ? citizen.phone : null,
    lastSeenAt: new Date(citizen.last_seen_at),
    chosen: choseChannel(row.channel, channelChoiceFacts(citizen), inUse),
    channelPausedUntil: paused && paused.getTime() > at.getTime() ? paused : null,
  };
}

/** True when the same event reaches the citizen on another Zalo channel (sent, or still on its way). */
export async function anotherChannelCarries(tx: Queryable, row: NotificationRow): Promise<boolean> {
  const { rows } = await tx.query(
    `select 1 from notifications
     where application_id = $1 and event_id = $2 and channel <> 'inbox' and id <> $3
       and state not in ('permanent-failure', 'technical-failure')`,
    [row.application_id, row.event_id, row.id],
  );
  return rows.length > 0;
}

/** The row as the recording transaction finds it (locked); null when it was deleted with the citizen. */
export async function lockAttempt(tx: Queryable, notificationId: string): Promise<{ state: string; attempts: number } | null> {
  const { rows } = await tx.query<{ state: string; attempts: number }>('select state, attempts from notifications where id = $1 for update', [
    notificationId,
  ]);
  return rows[0] ?? null;
}

/** Writes a decision's change. */
export async function applyChange(tx: Queryable, notificationId: string, change: NotificationChange, at: Date): Promise<void> {
  switch (change.kind) {
    case 'claim':
      await tx.query(
        `update notifications set state = 'sending', attempts = $2, last_attempt_at = $3, next_attempt_at = $4,
           error_code = null, updated_at = $3
         where id = $1`,
        [notificationId, change.attempt, at, change.leaseUntil],
      );
      return;
    case 'accept': {
      const delivered = change.state === 'delivered';
      await tx.query(
        `update notifications set state = $2, provider_msg_id = $3, sent_at = $4, delivered_at = $5, next_attempt_at = null,
           error_code = null, updated_at = $4
         where id = $1`,
        [notificationId, change.state, change.providerMsgId, at, delivered ? at : null],
      );
      return;
    }
    case 'confirm':
      await tx.query(
        `update notifications set state = 'delivered', delivered_at = $2, sent_at = last_attempt_at, next_attempt_at = null,
           error_code = $3, updated_at = $2
         where id = $1`,
        [notificationId, at, change.code],
      );
      return;
    case 'move':
      await tx.query(`update notifications set state = $2, error_code = $3, next_attempt_at = $4, updated_at = $5 where id = $1`, [
        notificationId,
        change.state,
        change.code,
        change.next,
        at,
      ]);
      return;
    case 'wait':
      await tx.query(`update notifications set next_attempt_at = $2, error_code = $3, updated_at = $4 where id = $1`, [
        notificationId,
        change.until,
        change.code,
        at,
      ]);
      return;
  }
}

/** The citizen took the permission back inside Zalo: the mini app channel is off until they allow it again. */
export async function turnOffMiniApp(tx: Queryable, citizenId: string, at: Date): Promise<void> {
  await tx.query('update notification_settings set mini_app_allowed_at = null, updated_at = $2 where citizen_id = $1', [citizenId, at]);
}

/**
 * The rows due by `now`: retries, ends of waits, leases run out. A new row's job was enqueued with it (the outbox), so
 * a row still as created is only due here once it has waited a minute (a job lost); enqueueing the rest again would
 * cost an insert each, every sweep, while a backlog drains.
 */
export async function dueNotificationIds(db: Db, now: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from notifications
     where channel <> 'inbox' and state in ('created', 'temporary-failure', 'sending') and provider_msg_id is null
       and next_attempt_at <= $1
       and (state <> 'created' or next_attempt_at > created_at or created_at <= $2)
     order by next_attempt_at limit $3`,
    [now, new Date(now.getTime() - NEW_ROW_GRACE_MS), limit],
  );
  return rows.map((row) => row.id);
}

// What differs between the two Zalo channels of a notification (the state machine they share is
// domain/notification-state.ts, run by jobs/send-notification.ts): the checks before a claim, and the send itself.
//
// - mini app notification (notify-mini-app.ts): only to a citizen who allowed it and used the app in the last 7
//   days; one per citizen and Vietnamese day; NOTIFY_MINI_APP_DAILY_LIMIT (Zalo: 1,000) per app and day.
// - template message by phone, ZBS (notify-zbs.ts): the OA token (refreshed once when rejected), the day's quota
//   as Zalo reports it (`remainingQuota` 0 pauses the channel until the next day), tracking_id = the notification id.
import type { Logger } from 'pino';
import type { SendAnswer, ZaloNotificationClient } from '../../clients/zalo-notification-client';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/db';
import type { Precheck } from '@lao-cai-so/domain/notification-state';
import type { NotificationKind, NotificationParams, ZaloChannel } from '@lao-cai-so/domain/notifications';
import type { SendPacer } from './send-pacer';

/** A notification row as the worker reads it (locked in the claim transaction). */
export interface NotificationRow {
  id: string;
  application_id: string;
  citizen_id: string;
  event_id: string;
  channel: ZaloChannel;
  kind: NotificationKind;
  status: number;
  title: string;
  body: string;
  params: NotificationParams;
  state: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  provider_msg_id: string | null;
  error_code: string | null;
  created_at: Date;
}

/** Who gets it, and whether they still want it on this channel. */
export interface Recipient {
  zaloUserId: string;
  /** 84xxxxxxxxx while the phone consent is granted and the number verified. */
  phone: string | null;
  lastSeenAt: Date;
  /** The channel is still on for this citizen (consent granted, chosen, phone verified for ZBS). */
  chosen: boolean;
  /** Until when the whole channel waits (a daily limit or quota used up); null when it is not paused now. */
  channelPausedUntil: Date | null;
}

/** Zalo's answer, or ours when the send could not be made (the OA token could not be refreshed). */
export type DeliveryAnswer = SendAnswer | { ok: false; code: string; message: string };

export interface ChannelContext {
  db: Db;
  client: ZaloNotificationClient;
  config: Pick<Config, 'notifications' | 'zalo'>;
  now: () => Date;
  log: Logger;
  /** Every call to a send endpoint waits for its slot (NOTIFY_SEND_RATE_PER_SECOND). */
  pacer: SendPacer;
}

export interface Delivery {
  row: NotificationRow;
  recipient: Recipient;
  /** The https deep link of the dossier (the message's button). */
  link: string;
}

export interface NotifyChannel {
  /** Checks inside the claim transaction (the citizen's row is locked, so per-citizen counts cannot race). */
  precheck(tx: Queryable, row: NotificationRow, recipient: Recipient, now: Date, resend: boolean): Promise<Precheck>;
  /** Sends through Zalo. Throws ZaloCallError (unavailable, outcome-unknown). */
  deliver(delivery: Delivery): Promise<DeliveryAnswer>;
  /** After Zalo accepted (or refused) the message, in the recording transaction: e.g. the day's quota. */
  afterAnswer?(tx: Queryable, answer: DeliveryAnswer, now: Date): Promise<void>;
}

/** Pauses a channel (every row of it waits) until a time: a daily limit or quota used up. */
export async function pauseChannel(tx: Queryable, channel: ZaloChannel, until: Date, reason: string): Promise<void> {
  await tx.query(
    `insert into notification_channels (channel, paused_until, pause_reason) values ($1, $2, $3)
     on conflict (channel) do update set paused_until = greatest(coalesce(notification_channels.paused_until, $2), $2),
       pause_reason = $3`,
    [channel, until, reason],
  );
}

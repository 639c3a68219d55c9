// The mini app notification channel (reference, "Mini app notification"): `POST /notification/template` with the
// citizen's per-app user id. Zalo allows it only to users who allowed notifications and opened the app in the last 7
// days, one per user and day, 1,000 per app and day, 06:00–22:00: the proxy checks what it knows before calling
// (citizens.last_seen_at, its own count of today's messages), and Zalo's answers cover the rest.
import { miniAppTemplateData, nextSendingDay, vietnamDayBounds } from '@lao-cai-so/domain/notifications';
import { type ChannelContext, type NotifyChannel, pauseChannel } from './notify-channels';

const SEVEN_DAYS_MS = 7 * 86_400_000;

export function createMiniAppChannel(context: ChannelContext): NotifyChannel {
  const { config, client, pacer } = context;
  const settings = config.notifications;
  return {
    async precheck(tx, row, recipient, now, resend) {
      if (now.getTime() - recipient.lastSeenAt.getTime() > SEVEN_DAYS_MS) {
        return { kind: 'fail', state: 'permanent-failure', code: 'NOT_SEEN_7_DAYS' };
      }
      const tomorrow = nextSendingDay(now, settings.quietHours);
      const paused = recipient.channelPausedUntil;
      if (paused) return { kind: 'limit', until: paused, code: 'APP_DAILY_LIMIT' };
      const { start, end } = vietnamDayBounds(now);
      const { rows } = await tx.query<{ citizen: number; app: number }>(
        `select count(*) filter (where citizen_id = $1)::int as citizen, count(*)::int as app
         from notifications
         where channel = 'mini-app' and id <> $2
           and ((sent_at >= $3 and sent_at < $4) or (state = 'sending' and provider_msg_id is null and error_code is null))`,
        [row.citizen_id, row.id, start, end],
      );
      // A repeat after an unknown outcome is exactly what the one-per-day rule lets Zalo answer for us
      // (resolveUnknown, domain/notification-state.ts), so only another message today stops it.
      if (rows[0].citizen > 0) return { kind: 'limit', until: tomorrow, code: resend ? 'OUTCOME_UNKNOWN' : 'CITIZEN_DAILY_LIMIT' };
      if (rows[0].app >= settings.miniApp.dailyLimit) {
        await pauseChannel(tx, 'mini-app', tomorrow, 'APP_DAILY_LIMIT');
        return { kind: 'limit', until: tomorrow, code: 'APP_DAILY_LIMIT' };
      }
      return { kind: 'go' };
    },

    deliver({ row, recipient, link }) {
      // Every attempt, the client's own retries included, waits for its slot.
      return client.sendMiniAppNotification(
        { userId: recipient.zaloUserId, templateId: settings.miniApp.templateId, templateData: miniAppTemplateData(row, link) },
        () => pacer.take('mini-app'),
      );
    },

    async afterAnswer(tx, answer, now) {
      // -147: the app's daily limit is used up: no mini app message goes before tomorrow.
      if (!answer.ok && answer.code === -147) {
        await pauseChannel(tx, 'mini-app', nextSendingDay(now, settings.quietHours), 'APP_DAILY_LIMIT');
      }
    },
  };
}

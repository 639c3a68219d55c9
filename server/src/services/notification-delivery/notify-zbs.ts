// The template message by phone channel (ZBS; reference, "Template message by phone"): `POST /message/template` with
// the OA access token, the template of the notification's status class, and tracking_id = the notification id, which
// Zalo's delivery receipt echoes (routes/webhooks/zalo.ts). A rejected token is refreshed once, in one place
// (services/zalo-oa-tokens.ts), and the message sent again once. The day's quota is read from every answer: when
// `remainingQuota` reaches 0 (or Zalo answers -144) the channel pauses until the next day.
//
// The access token is read from the database at most once a minute per worker (not once per message): a token
// another worker refreshed meanwhile makes Zalo reject this one, and the refresh then hands over the stored one
// without calling Zalo (services/zalo-oa-tokens.ts).
import { classifyZaloError, nextSendingDay, templateClassOf, zbsTemplateData } from '@lao-cai-so/domain/notifications';
import { currentOaAccessToken, OaTokenRefreshError, refreshOaAccessToken } from '../zalo-oa-tokens';
import { type ChannelContext, type NotifyChannel, pauseChannel } from './notify-channels';

const TOKEN_REREAD_MS = 60_000;
/** The quota Zalo reports with every answer is recorded at most this often per worker (and whenever it runs out). */
const QUOTA_RECORD_INTERVAL_MS = 10_000;

export function createZbsChannel(context: ChannelContext): NotifyChannel {
  const { config, client, db, now, log, pacer } = context;
  const settings = config.notifications;
  const tokens = { accessToken: settings.zbs.accessToken, refreshToken: settings.zbs.refreshToken };
  let known: { token: string; readAt: number } | undefined;
  let quotaRecorded: { daily: number; at: number } | undefined;
  const worthRecording = (quota: { daily: number; remaining: number }) =>
    quota.remaining <= 0 ||
    quotaRecorded === undefined ||
    quotaRecorded.daily !== quota.daily ||
    Date.now() - quotaRecorded.at >= QUOTA_RECORD_INTERVAL_MS;
  const remember = (token: string) => {
    known = { token, readAt: Date.now() };
    return token;
  };
  return {
    async precheck(_tx, _row, recipient) {
      if (!recipient.phone) return { kind: 'fail', state: 'permanent-failure', code: 'CHANNEL_OFF' };
      const paused = recipient.channelPausedUntil;
      // The quota is the OA's, for every message: waiting is all there is to do (or giving way: giveWayOrWait in domain/notification-state.ts).
      return paused ? { kind: 'limit', until: paused, code: 'QUOTA_EXHAUSTED' } : { kind: 'go' };
    },

    async deliver({ row, recipient, link }) {
      // Every attempt, the client's own retries of -32/-100/429/5xx included, waits for its slot.
      const send = (accessToken: string) =>
        client.sendTemplateMessage(
          {
            accessToken,
            phone: recipient.phone as string,
            templateId: settings.zbs.templates[templateClassOf(row.kind)],
            templateData: zbsTemplateData(row.kind, row, link),
            trackingId: row.id,
          },
          () => pacer.take('zbs'),
        );
      const token =
        known && Date.now() - known.readAt < TOKEN_REREAD_MS ? known.token : remember(await currentOaAccessToken(db, tokens, now()));
      const answer = await send(token);
      if (answer.ok || classifyZaloError('zbs', answer.code) !== 'token') return answer;
      let fresh: string;
      try {
        fresh = remember(await refreshOaAccessToken({ db, client, config: tokens, now, log }, token));
      } catch (error) {
        if (!(error instanceof OaTokenRefreshError)) throw error;
        return { ok: false, code: `OA_TOKEN_${error.code}`, message: error.message };
      }
      return send(fresh);
    },

    async afterAnswer(tx, answer, at) {
      const tomorrow = nextSendingDay(at, settings.quietHours);
      const quota = answer.ok ? answer.quota : undefined;
      if (quota && worthRecording(quota)) {
        quotaRecorded = { daily: quota.daily, at: Date.now() };
        await tx.query(
          `insert into notification_channels (channel, daily_quota, remaining_quota, quota_updated_at) values ('zbs', $1, $2, $3)
           on conflict (channel) do update set daily_quota = $1, remaining_quota = $2, quota_updated_at = $3`,
          [quota.daily, quota.remaining, at],
        );
        if (quota.remaining <= 0) await pauseChannel(tx, 'zbs', tomorrow, 'QUOTA_EXHAUSTED');
      }
      if (!answer.ok && answer.code === -144) await pauseChannel(tx, 'zbs', tomorrow, 'QUOTA_EXHAUSTED');
    },
  };
}

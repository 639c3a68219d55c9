// The facts of "this citizen chose this channel" (the rule: choseChannel in @lao-cai-so/domain/notifications), read the
// same way by the outbox (which rows an event gets) and the sender (whether a row still goes).
import type { ChannelChoiceFacts } from '@lao-cai-so/domain/notifications';

const granted = (purpose: 'notifications' | 'phone') =>
  `exists (select 1 from consents k where k.citizen_id = c.id and k.purpose = '${purpose}' and k.withdrawn_at is null)`;

/** Columns of a query over `citizens c left join notification_settings s on s.citizen_id = c.id`. */
export const CHANNEL_CHOICE_COLUMNS = `c.phone, s.mini_app_allowed_at, s.phone_enabled,
  ${granted('notifications')} as notifications_granted, ${granted('phone')} as phone_granted`;

export interface ChannelChoiceRow {
  phone: string | null;
  mini_app_allowed_at: Date | null;
  phone_enabled: boolean | null;
  notifications_granted: boolean;
  phone_granted: boolean;
}

export function channelChoiceFacts(row: ChannelChoiceRow): ChannelChoiceFacts {
  return {
    notificationsGranted: row.notifications_granted,
    phoneGranted: row.phone_granted,
    phone: row.phone,
    miniAppAllowedAt: row.mini_app_allowed_at,
    phoneEnabled: row.phone_enabled,
  };
}

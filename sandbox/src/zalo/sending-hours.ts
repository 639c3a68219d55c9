import { toVietnamLocal, vietnamDate } from '../vietnam-time';

/** Local hours (Asia/Ho_Chi_Minh) in which Zalo sends: from `from`:00 up to, not including, `until`:00. */
export interface SendingHours {
  from: number;
  until: number;
}

/** Zalo sends notifications and template messages from 06:00 to 22:00 Asia/Ho_Chi_Minh only. */
export const ZALO_SENDING_HOURS: Readonly<SendingHours> = { from: 6, until: 22 };

/** Whether Zalo would send at this instant: by default from 06:00:00 up to 21:59:59.999 local time. */
export function isWithinSendingHours(instantMs: number, hours: SendingHours = ZALO_SENDING_HOURS): boolean {
  const { hour } = toVietnamLocal(new Date(instantMs));
  return hour >= hours.from && hour < hours.until;
}

/** The Asia/Ho_Chi_Minh calendar day (`yyyy-mm-dd`) that daily limits and quotas count in. */
export function localDay(instantMs: number): string {
  return vietnamDate(new Date(instantMs));
}

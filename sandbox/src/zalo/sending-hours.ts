import { toVietnamLocal, vietnamDate } from '../../../server/src/domain/working-days';

/** Zalo sends notifications and template messages from 06:00 to 22:00 Asia/Ho_Chi_Minh only. */
export const SENDING_HOURS = { from: 6, until: 22 } as const;

/** Whether Zalo would send at this instant: from 06:00:00 up to 21:59:59.999 local time. */
export function isWithinSendingHours(instantMs: number): boolean {
  const { hour } = toVietnamLocal(new Date(instantMs));
  return hour >= SENDING_HOURS.from && hour < SENDING_HOURS.until;
}

/** The Asia/Ho_Chi_Minh calendar day (`yyyy-mm-dd`) that daily limits and quotas count in. */
export function localDay(instantMs: number): string {
  return vietnamDate(new Date(instantMs));
}

// When a notification arrived, as a citizen says it: "Vừa xong", "5 phút trước", "Hôm qua lúc 14:30", or the hour and
// day. Calendar days are Vietnam's (UTC+7, no daylight saving) whatever the phone's zone.
import type { TFunction } from 'i18next';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Days since 1970 in Vietnam time. */
function vietnamDay(epochMs: number): number {
  return Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS);
}

function vietnamParts(epochMs: number): { time: string; date: string } {
  const local = new Date(epochMs + VIETNAM_OFFSET_MS).toISOString();
  const [year, month, day] = local.slice(0, 10).split('-');
  return { time: local.slice(11, 16), date: `${day}/${month}/${year}` };
}

/** e.g. "14:30 ngày 22/11/2026": the exact moment, for a tooltip or an old notification. */
export function absoluteTime(t: TFunction, iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return t('time.at', vietnamParts(at));
}

export function relativeTime(t: TFunction, iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const ago = Math.max(0, now - at);
  if (ago < MINUTE_MS) return t('time.justNow');
  if (ago < HOUR_MS) return t('time.minutesAgo', { count: Math.floor(ago / MINUTE_MS) });
  const days = vietnamDay(now) - vietnamDay(at);
  if (days === 0) return t('time.hoursAgo', { count: Math.floor(ago / HOUR_MS) });
  if (days === 1) return t('time.yesterday', { time: vietnamParts(at).time });
  return absoluteTime(t, iso);
}

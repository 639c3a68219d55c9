// Wall-clock time in Asia/Ho_Chi_Minh, as the outside systems keep it. Vietnam is UTC+7 all year (no daylight saving
// since 1975), so a fixed offset is exact. The sandbox's own copy: it must not borrow the proxy's date rules.
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** A reading of Vietnam's clocks (months 1–12). */
export interface VietnamLocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function toVietnamLocal(instant: Date): VietnamLocalTime {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** Local calendar days as integers (days since 1970-01-01 in Vietnam), so day arithmetic is exact. */
export function vietnamDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

/** `yyyy-mm-dd` ↔ day number. */
export function dayNumberOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** `yyyy-mm-dd` of the Vietnamese calendar day an instant falls on. */
export function vietnamDate(instant: Date): string {
  return isoDateOf(vietnamDayNumber(instant));
}

/** Seconds since local midnight. */
export function vietnamSecondsOfDay(instant: Date): number {
  const local = toVietnamLocal(instant);
  return local.hour * 3600 + local.minute * 60 + local.second;
}

/** The instant Vietnam's clocks show `hour`:00 on local day `dayNumber`. */
export function vietnamInstant(dayNumber: number, hour: number): Date {
  return new Date(dayNumber * DAY_MS + hour * 3_600_000 - OFFSET_MS);
}

// Working-day arithmetic for administrative time limits (thời hạn giải quyết), pure: the holidays are passed in
// (data/holidays.json) and so is every instant; nothing here reads a file or the clock.
//
// Rules (shared/reference/public-service-domain.md):
// - a time limit counts working days from the receipt date; the receipt day itself is not counted, as for any
//   period counted in days (Bộ luật Dân sự 2015 Điều 147), so "0 days" means the same day;
// - Saturdays, Sundays and public holidays are not working days; swapped Saturdays (ngày làm bù) are;
// - a dossier received after 15:00 counts from the next working day [unconfirmed as a general rule; it is the rule
//   of the civil-status procedures]; so does one received on a day off;
// - the due instant is the end of the office day, 17:00 local time.
import { z } from 'zod';

/**
 * Asia/Ho_Chi_Minh is UTC+7 all year: Vietnam has kept no daylight saving time since 1975, so a fixed offset is the
 * correct conversion for every instant this app handles. The one place the offset is written.
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** Receipts stamped up to 15:00:00 local count that day; from 15:00:01 on they count from the next working day. */
export const CUT_OFF_SECONDS_OF_DAY = 15 * 3600;
/** Results are due by the end of the office day. */
export const DUE_SECONDS_OF_DAY = 17 * 3600;

/** A wall-clock reading in Vietnam (months 1–12). */
export interface VietnamLocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
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
    millisecond: shifted.getUTCMilliseconds(),
  };
}

/** The instant at which Vietnam's clocks show this time. Out-of-range parts roll over, as with Date.UTC. */
export function fromVietnamLocal(local: Omit<VietnamLocalTime, 'millisecond'> & { millisecond?: number }): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond ?? 0);
  return new Date(wall - OFFSET_MS);
}

/** `yyyy-mm-dd` of the Vietnamese calendar day an instant falls on. */
export function vietnamDate(instant: Date): string {
  return isoDateOf(localDayNumber(instant));
}

// Local calendar days as integers (days since 1970-01-01 in Vietnam), so that day arithmetic is exact.
function localDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

function secondsIntoLocalDay(instant: Date): number {
  const msIntoDay = (((instant.getTime() + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(msIntoDay / 1000);
}

function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function dayNumberOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = (dayNumber + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

const calendarDay = z.object({
  date: z.iso.date(),
  name: z.string().trim().min(1),
  unconfirmed: z.boolean(),
});

/** The contract of data/holidays.json (its `format` field explains it in words). */
export const holidayCalendarSchema = z.object({
  source: z.string().trim().min(1),
  holidays: z.array(calendarDay),
  workingWeekends: z.array(
    calendarDay.refine((day) => isWeekend(dayNumberOf(day.date)), 'a working weekend must be a Saturday or Sunday'),
  ),
});

export type HolidayCalendarData = z.infer<typeof holidayCalendarSchema>;

export interface WorkingCalendar {
  /** Years that have at least one listed holiday; outside them only weekends are days off. */
  readonly coveredYears: readonly number[];
  /** Whether offices work on this `yyyy-mm-dd` (Vietnamese calendar). */
  isWorkingDay(isoDate: string): boolean;
  /**
   * The due instant (17:00 local) of a dossier received at `receivedAt` with a time limit of `days` working days.
   * The count starts on the receipt day, or on the next working day when it was received after 15:00 or on a day off;
   * 0 days is that start day itself.
   */
  addWorkingDays(receivedAt: Date, days: number): Date;
  /**
   * Working days left until `due`, for "N ngày làm việc còn lại": the working days after today up to and including
   * the due day. 0 when due today; negative when the due day has passed (minus the working days since it).
   */
  workingDaysBetween(now: Date, due: Date): number;
}

export function createWorkingCalendar(data: Pick<HolidayCalendarData, 'holidays' | 'workingWeekends'>): WorkingCalendar {
  const daysOff = new Set(data.holidays.map((holiday) => dayNumberOf(holiday.date)));
  const workingWeekends = new Set(data.workingWeekends.map((day) => dayNumberOf(day.date)));
  const coveredYears = [...new Set(data.holidays.map((holiday) => Number(holiday.date.slice(0, 4))))].sort(
    (a, b) => a - b,
  );

  const isWorking = (dayNumber: number): boolean =>
    workingWeekends.has(dayNumber) || (!isWeekend(dayNumber) && !daysOff.has(dayNumber));

  const nextWorkingDay = (after: number): number => {
    let day = after + 1;
    while (!isWorking(day)) day += 1;
    return day;
  };

  // Working days d with from < d <= to.
  const countWorkingDays = (from: number, to: number): number => {
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) if (isWorking(day)) count += 1;
    return count;
  };

  return {
    coveredYears,
    isWorkingDay: (isoDate) => isWorking(dayNumberOf(isoDate)),
    addWorkingDays(receivedAt, days) {
      if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0, got ${days}`);
      if (Number.isNaN(receivedAt.getTime())) throw new RangeError('receivedAt is not a valid instant');
      const receiptDay = localDayNumber(receivedAt);
      const countsToday = isWorking(receiptDay) && secondsIntoLocalDay(receivedAt) <= CUT_OFF_SECONDS_OF_DAY;
      let dueDay = countsToday ? receiptDay : nextWorkingDay(receiptDay);
      for (let left = days; left > 0; left -= 1) dueDay = nextWorkingDay(dueDay);
      return new Date(dueDay * DAY_MS + DUE_SECONDS_OF_DAY * 1000 - OFFSET_MS);
    },
    workingDaysBetween(now, due) {
      const today = localDayNumber(now);
      const dueDay = localDayNumber(due);
      return dueDay >= today ? countWorkingDays(today, dueDay) : -countWorkingDays(dueDay, today);
    },
  };
}

/** Overdue (trễ hạn) is not a status: past the due instant while not in a terminal status. No due date, never late. */
export function isOverdue(now: Date, due: Date | null | undefined, terminal: boolean): boolean {
  return !terminal && due != null && now.getTime() > due.getTime();
}

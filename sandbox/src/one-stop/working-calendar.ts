// How the one-stop system sets due dates (NgayHenTra), written from public-service-domain.md ("Dossier statuses"):
// working days Mon–Fri plus swapped Saturdays, public holidays from data/holidays.json, a receipt after 15:00
// counts from the next working day; due at 17:00, the end of the office day (our choice). The proxy only reads them.
import type { OneStopCatalogue } from './catalogue';
import { dayNumberOf, vietnamDayNumber, vietnamInstant, vietnamSecondsOfDay } from '../vietnam-time';

const CUT_OFF_SECONDS = 15 * 3600;
const DUE_HOUR = 17;

export interface WorkingCalendar {
  /** Whether offices work on this `yyyy-mm-dd`. */
  isWorkingDay(isoDate: string): boolean;
  /** 17:00 local of the day `days` working days after receipt (0: the receipt day, or the next working day). */
  dueDate(receivedAt: Date, days: number): Date;
  /** Working days after today up to the due day; 0 when due today, negative once past. */
  workingDaysLeft(now: Date, due: Date): number;
}

export function workingCalendar(data: OneStopCatalogue['holidays']): WorkingCalendar {
  const holidays = new Set(data.holidays.map((holiday) => dayNumberOf(holiday.date)));
  const swappedWeekends = new Set(data.workingWeekends.map((day) => dayNumberOf(day.date)));
  const isWorking = (day: number): boolean => {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return swappedWeekends.has(day) || (weekday !== 0 && weekday !== 6 && !holidays.has(day));
  };
  const next = (day: number): number => {
    let candidate = day + 1;
    while (!isWorking(candidate)) candidate += 1;
    return candidate;
  };
  const countBetween = (from: number, to: number): number => {
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) if (isWorking(day)) count += 1;
    return count;
  };

  return {
    isWorkingDay: (isoDate) => isWorking(dayNumberOf(isoDate)),
    dueDate(receivedAt, days) {
      const receiptDay = vietnamDayNumber(receivedAt);
      const countsToday = isWorking(receiptDay) && vietnamSecondsOfDay(receivedAt) <= CUT_OFF_SECONDS;
      let day = countsToday ? receiptDay : next(receiptDay);
      for (let left = days; left > 0; left -= 1) day = next(day);
      return vietnamInstant(day, DUE_HOUR);
    },
    workingDaysLeft(now, due) {
      const today = vietnamDayNumber(now);
      const dueDay = vietnamDayNumber(due);
      return dueDay >= today ? countBetween(today, dueDay) : -countBetween(dueDay, today);
    },
  };
}

// Due dates and remaining working days against the real holiday data (data/holidays.json).
import holidayFile from '../../data/holidays.json';
import {
  createWorkingCalendar,
  fromVietnamLocal,
  holidayCalendarSchema,
  isOverdue,
  toVietnamLocal,
  vietnamDate,
} from '../src/working-days';

const holidays = holidayCalendarSchema.parse(holidayFile);
const calendar = createWorkingCalendar(holidays);

/** An instant written as Vietnamese wall-clock time, e.g. at('2026-03-02 09:00'). */
const at = (local: string): Date => new Date(`${local.replace(' ', 'T')}+07:00`);
/** Where a due instant falls, in Vietnamese wall-clock time. */
const local = (instant: Date): string => {
  const t = toVietnamLocal(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
};
const due = (receivedLocal: string, days: number) => local(calendar.addWorkingDays(at(receivedLocal), days));

describe('data/holidays.json', () => {
  it('follows its documented format and covers 2025, 2026 and 2027', () => {
    expect(calendar.coveredYears).toEqual([2025, 2026, 2027]);
    const dates = holidays.holidays.map((holiday) => holiday.date);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it.each([2025, 2026, 2027])('lists the fixed-date holidays of the Labour Code (Điều 112) for %i', (year) => {
    const dates = new Set(holidays.holidays.map((holiday) => holiday.date));
    for (const monthDay of ['01-01', '04-30', '05-01', '09-02']) expect(dates).toContain(`${year}-${monthDay}`);
  });

  it('has the official 2026 Tết (Mon 16 – Fri 20 February) and the lunar Giỗ Tổ dates', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    // 10/3 âm lịch: 7/4/2025 (Mon), 26/4/2026 (Sun, made up on Mon 27/4), 16/4/2027 (Fri).
    expect(calendar.isWorkingDay('2025-04-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.isWorkingDay('2027-04-16')).toBe(false);
  });

  it('treats swapped Saturdays as working days and ordinary weekends as days off', () => {
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true); // làm bù for Fri 2/1/2026
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-17')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-18')).toBe(false);
  });

  it('refuses a "working weekend" that is a weekday', () => {
    const result = holidayCalendarSchema.safeParse({
      ...holidays,
      workingWeekends: [{ date: '2026-01-09', name: 'thứ Sáu', unconfirmed: false }],
    });
    expect(result.success).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('counts working days after the receipt day and is due at 17:00 local', () => {
    expect(due('2026-03-02 09:00', 3)).toBe('2026-03-05 17:00:00'); // Mon → Thu
    expect(due('2026-03-02 09:00', 1)).toBe('2026-03-03 17:00:00');
  });

  it('0 days is the same day before the cut-off, the next working day after it', () => {
    expect(due('2026-03-04 08:00', 0)).toBe('2026-03-04 17:00:00');
    expect(due('2026-03-04 16:30', 0)).toBe('2026-03-05 17:00:00');
  });

  it('skips the weekend', () => {
    expect(due('2026-03-06 10:00', 3)).toBe('2026-03-11 17:00:00'); // Fri → Mon, Tue, Wed
    expect(due('2026-03-06 10:00', 1)).toBe('2026-03-09 17:00:00');
  });

  it('applies the 15:00 cut-off to the second: 15:00:00 counts that day, 15:00:01 the next working day', () => {
    expect(due('2026-03-06 14:59:59', 0)).toBe('2026-03-06 17:00:00');
    expect(due('2026-03-06 15:00:00', 0)).toBe('2026-03-06 17:00:00');
    expect(due('2026-03-06 15:00:00.999', 0)).toBe('2026-03-06 17:00:00');
    expect(due('2026-03-06 15:00:01', 0)).toBe('2026-03-09 17:00:00'); // Fri after 15:00 → Mon
    expect(due('2026-03-06 15:00:01', 2)).toBe('2026-03-11 17:00:00');
  });

  it('uses Vietnamese local time, not UTC, for the day and the cut-off', () => {
    // 08:30 UTC is 15:30 in Vietnam: after the cut-off although the UTC clock says morning.
    expect(local(calendar.addWorkingDays(new Date('2026-03-02T08:30:00Z'), 0))).toBe('2026-03-03 17:00:00');
    // 18:00 UTC on Sunday is already Monday 01:00 in Vietnam: a working day.
    expect(local(calendar.addWorkingDays(new Date('2026-03-01T18:00:00Z'), 0))).toBe('2026-03-02 17:00:00');
    expect(calendar.addWorkingDays(at('2026-03-02 09:00'), 0).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });

  it('skips Tết Nguyên đán', () => {
    // Received Fri 13/2/2026: Tết runs Sat 14 – Sun 22, so the three days are Mon 23, Tue 24, Wed 25.
    expect(due('2026-02-13 10:00', 3)).toBe('2026-02-25 17:00:00');
    expect(due('2026-02-13 15:30', 0)).toBe('2026-02-23 17:00:00');
    expect(due('2025-01-24 09:00', 1)).toBe('2025-02-03 17:00:00');
  });

  it('starts from the next working day when received on a holiday or a weekend, whatever the hour', () => {
    expect(due('2026-02-18 09:00', 0)).toBe('2026-02-23 17:00:00'); // mùng 2 Tết
    expect(due('2026-04-30 08:00', 1)).toBe('2026-05-05 17:00:00'); // 30/4, 1/5, weekend → Mon 4/5, +1
    expect(due('2026-03-07 09:00', 0)).toBe('2026-03-09 17:00:00'); // Saturday
    expect(due('2026-04-26 09:00', 0)).toBe('2026-04-28 17:00:00'); // Giỗ Tổ on Sunday, made up on Monday
  });

  it('works on a swapped Saturday and skips the swapped weekday', () => {
    expect(due('2026-01-09 16:00', 0)).toBe('2026-01-10 17:00:00'); // Sat 10/1/2026 is làm bù
    expect(due('2025-12-31 10:00', 1)).toBe('2026-01-05 17:00:00'); // 1/1 holiday, Fri 2/1 swapped off
    expect(due('2025-04-25 10:00', 1)).toBe('2025-04-26 17:00:00');
    expect(due('2025-04-29 10:00', 1)).toBe('2025-05-05 17:00:00'); // 30/4, 1/5, Fri 2/5 swapped, weekend
  });

  it('spans the turn of the year', () => {
    expect(due('2026-12-30 16:00', 2)).toBe('2027-01-05 17:00:00'); // from Thu 31/12; Fri 1/1 off → Mon 4, Tue 5
    expect(due('2026-12-31 11:00', 0)).toBe('2026-12-31 17:00:00');
  });

  it('long limits cross several holidays', () => {
    // 15 working days from Fri 10/4/2026 across Giỗ Tổ (Mon 27/4 made up) and 30/4–1/5.
    expect(due('2026-04-10 09:00', 15)).toBe('2026-05-06 17:00:00');
  });

  it('refuses negative or fractional day counts and invalid instants', () => {
    expect(() => calendar.addWorkingDays(at('2026-03-02 09:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(at('2026-03-02 09:00'), 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date('not a date'), 1)).toThrow(RangeError);
  });

  it('outside the covered years only weekends are days off', () => {
    expect(due('2030-01-01 09:00', 0)).toBe('2030-01-01 17:00:00');
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after today up to the due day', () => {
    expect(calendar.workingDaysBetween(at('2026-03-02 09:00'), at('2026-03-05 17:00'))).toBe(3);
    expect(calendar.workingDaysBetween(at('2026-03-06 11:00'), at('2026-03-09 17:00'))).toBe(1);
    expect(calendar.workingDaysBetween(at('2026-02-13 11:00'), at('2026-02-25 17:00'))).toBe(3);
    expect(calendar.workingDaysBetween(at('2026-03-07 11:00'), at('2026-03-09 17:00'))).toBe(1); // from a Saturday
  });

  it('is 0 on the due day, before and after 17:00', () => {
    expect(calendar.workingDaysBetween(at('2026-03-05 08:00'), at('2026-03-05 17:00'))).toBe(0);
    expect(calendar.workingDaysBetween(at('2026-03-05 18:00'), at('2026-03-05 17:00'))).toBe(0);
  });

  it('is negative once the due day has passed, counting working days late', () => {
    expect(calendar.workingDaysBetween(at('2026-03-09 09:00'), at('2026-03-06 17:00'))).toBe(-1);
    expect(calendar.workingDaysBetween(at('2026-02-23 09:00'), at('2026-02-13 17:00'))).toBe(-1);
    expect(calendar.workingDaysBetween(at('2026-03-11 09:00'), at('2026-03-06 17:00'))).toBe(-3);
  });

  it('gives back the limit for every working-day receipt in 2025–2027 before the cut-off', () => {
    let checked = 0;
    for (let day = at('2025-01-01 10:00'); day < at('2028-01-01 00:00'); day = new Date(day.getTime() + 86_400_000)) {
      if (!calendar.isWorkingDay(vietnamDate(day))) continue;
      for (const days of [0, 1, 3, 7]) {
        const dueAt = calendar.addWorkingDays(day, days);
        expect(calendar.workingDaysBetween(day, dueAt)).toBe(days);
        expect(calendar.isWorkingDay(vietnamDate(dueAt))).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(700 * 4);
  });
});

describe('isOverdue', () => {
  const dueAt = at('2026-03-05 17:00');
  it('is late only after the due instant and only while not terminal', () => {
    expect(isOverdue(at('2026-03-05 17:00'), dueAt, false)).toBe(false);
    expect(isOverdue(at('2026-03-05 17:00:01'), dueAt, false)).toBe(true);
    expect(isOverdue(at('2026-03-05 17:00:01'), dueAt, true)).toBe(false);
  });

  it('is never late without a due date', () => {
    expect(isOverdue(at('2030-01-01 00:00'), null, false)).toBe(false);
    expect(isOverdue(at('2030-01-01 00:00'), undefined, false)).toBe(false);
  });
});

describe('Vietnamese local time', () => {
  it('converts both ways with the fixed UTC+7 offset', () => {
    const instant = fromVietnamLocal({ year: 2026, month: 2, day: 17, hour: 0, minute: 30, second: 0 });
    expect(instant.toISOString()).toBe('2026-02-16T17:30:00.000Z');
    expect(toVietnamLocal(instant)).toEqual({ year: 2026, month: 2, day: 17, hour: 0, minute: 30, second: 0, millisecond: 0 });
    expect(vietnamDate(instant)).toBe('2026-02-17');
  });
});

// The sandbox's own due-date rule (public-service-domain.md, "Dossier statuses"), on a tiny calendar: New Year's
// Thursday and Friday off, Saturday 10 January 2026 worked instead.
import { workingCalendar } from '../../src/one-stop/working-calendar';

const day = (date: string, name = 'x') => ({ date, name, unconfirmed: false });
const calendar = workingCalendar({ holidays: [day('2026-01-01'), day('2026-01-02')], workingWeekends: [day('2026-01-10')] });
const at = (iso: string) => new Date(iso);

describe('the one-stop working calendar', () => {
  it('knows weekends, holidays and swapped Saturdays', () => {
    expect(['2026-01-01', '2026-01-02', '2026-01-09', '2026-01-10', '2026-01-11'].map(calendar.isWorkingDay)).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('counts working days after the receipt day and makes the result due at 17:00 local', () => {
    // Wednesday 31 December + 1 working day: Thursday and Friday are holidays, then the weekend.
    expect(calendar.dueDate(at('2025-12-31T10:00:00+07:00'), 1)).toEqual(at('2026-01-05T17:00:00+07:00'));
  });

  it('applies the 15:00 cut-off: 15:00:00 counts that day, 15:00:01 the next working day', () => {
    expect(calendar.dueDate(at('2026-01-09T15:00:00+07:00'), 0)).toEqual(at('2026-01-09T17:00:00+07:00'));
    expect(calendar.dueDate(at('2026-01-09T15:00:01+07:00'), 0)).toEqual(at('2026-01-10T17:00:00+07:00'));
  });

  it('counts from the next working day when received on a day off', () => {
    expect(calendar.dueDate(at('2026-01-01T08:00:00+07:00'), 0)).toEqual(at('2026-01-05T17:00:00+07:00'));
  });

  it('tells the working days left: positive before, 0 on the due day, negative after', () => {
    const due = at('2026-01-09T17:00:00+07:00');
    expect(calendar.workingDaysLeft(at('2026-01-05T09:00:00+07:00'), due)).toBe(4);
    expect(calendar.workingDaysLeft(at('2026-01-09T23:59:00+07:00'), due)).toBe(0);
    expect(calendar.workingDaysLeft(at('2026-01-12T08:00:00+07:00'), due)).toBe(-2);
  });
});

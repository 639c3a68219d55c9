// The working calendar of due dates and "working days left": data/holidays.json (HOLIDAYS_FILE), read once at start.
import fs from 'node:fs';
import { createWorkingCalendar, holidayCalendarSchema, type WorkingCalendar } from '@lao-cai-so/domain/working-days';

/** Throws naming the file when it is missing or does not follow the contract (its `format` field). */
export function loadWorkingCalendar(file: string): WorkingCalendar {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the holiday calendar ${file}: ${(error as Error).message}`);
  }
  const parsed = holidayCalendarSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`The holiday calendar ${file} is invalid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  }
  return createWorkingCalendar(parsed.data);
}

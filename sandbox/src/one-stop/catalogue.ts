import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type HolidayCalendarData, holidayCalendarSchema } from '@lao-cai-so/domain/working-days';

/** What the simulated one-stop system knows of a procedure: its name and legal processing time. */
export interface OneStopProcedure {
  code: string;
  name: string;
  /** Processing time in working days; null when the catalogue gives no single number. */
  workingDays: number | null;
}

export interface OneStopUnit {
  /** Unit code (5-digit administrative code, or H38 for the provincial centre), the prefix of receipt codes. */
  code: string;
  name: string;
}

export interface OneStopCatalogue {
  procedures: readonly OneStopProcedure[];
  units: readonly OneStopUnit[];
  holidays: Pick<HolidayCalendarData, 'holidays' | 'workingWeekends'>;
}

const DATA_DIR = path.resolve(__dirname, '../../../data');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8'));
}

interface SeedProcedures {
  procedures: { code: string; name: string; processingTime: { workingDays: number | null } }[];
}
interface SeedOffices {
  offices: { code: string; name: string }[];
}

/** The repo's seed catalogue and holiday data (data/), read once when the sandbox starts. */
export function loadDefaultCatalogue(): OneStopCatalogue {
  const { procedures } = readJson('procedures.json') as SeedProcedures;
  const { offices } = readJson('offices.json') as SeedOffices;
  return {
    procedures: procedures.map((procedure) => ({
      code: procedure.code,
      name: procedure.name,
      workingDays: procedure.processingTime.workingDays,
    })),
    units: offices.map((office) => ({ code: office.code, name: office.name })),
    holidays: holidayCalendarSchema.parse(readJson('holidays.json')),
  };
}

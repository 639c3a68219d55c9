import type { ProcedureSummary } from '@/types/procedure';

export type OfficeType = 'xa' | 'phuong' | 'province';

export interface OfficeSummary {
  code: string;
  name: string;
  unitName: string;
  type: OfficeType;
  address: string | null;
  phone: string | null;
  openingHours: string | null;
  unconfirmed: string[];
}

export interface Office extends OfficeSummary {
  /** Communes and wards merged into this unit on 1 July 2025. */
  formerUnits: string[];
  procedures: ProcedureSummary[];
}

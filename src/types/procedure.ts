// The catalogue's procedure shapes (GET /api/v1/procedures, /procedures/:code): shared by the catalogue, the
// application form, the offices and the entry links, so no feature has to import another for them.
import type { FormFieldDefinition } from '@lao-cai-so/domain/application-form';

export type ProcedureLevel = 'commune' | 'province';
export type OnlineLevel = 'full' | 'partial';
export type DocumentForm = 'original' | 'copy' | 'certified-copy' | 'original-or-copy';

export interface ProcessingTime {
  text: string;
  workingDays: number | null;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  agency: string;
  onlineLevel: OnlineLevel;
  processingTime: ProcessingTime;
  /** Names of the fields not confirmed from a primary source (data/README.md). */
  unconfirmed: string[];
}

export interface ProcedureFee {
  description: string;
  /** In đồng; null when it varies. */
  amount: number | null;
}

export interface ProcedureDocument {
  code: string;
  name: string;
  copies: number;
  form: DocumentForm;
  required: boolean;
  note: string | null;
}

export interface Procedure extends ProcedureSummary {
  localCode: string | null;
  description: string;
  fees: ProcedureFee[];
  documents: ProcedureDocument[];
  requirements: string[];
  result: string;
  legalBasis: string[];
  /** The online application form's questions. */
  fields: FormFieldDefinition[];
}

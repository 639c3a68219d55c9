export type {
  DocumentForm,
  OnlineLevel,
  ProcedureDocument,
  ProcedureFee,
  ProcedureLevel,
  ProcessingTime,
  Procedure,
  ProcedureSummary,
} from '@/types/procedure';

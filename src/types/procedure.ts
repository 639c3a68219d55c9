// The catalogue's procedure shapes (GET /api/v1/procedures, /procedures/:code), as the proxy's contract defines them
// (domain/src/api/procedures.ts): shared by the catalogue, the application form, the offices and the entry links.
// Type-only imports: nothing of zod or the schemas enters the app bundle.
import type { z } from 'zod';
import type { procedureDetailSchema, procedureSummarySchema } from '@lao-cai-so/domain/api/procedures';

export type ProcedureSummary = z.output<typeof procedureSummarySchema>;
export type Procedure = z.output<typeof procedureDetailSchema>;
export type ProcedureLevel = Procedure['level'];
export type OnlineLevel = Procedure['onlineLevel'];
export type ProcessingTime = Procedure['processingTime'];
export type ProcedureFee = Procedure['fees'][number];
export type ProcedureDocument = Procedure['documents'][number];
export type DocumentForm = ProcedureDocument['form'];

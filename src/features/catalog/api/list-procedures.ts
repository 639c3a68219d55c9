import { apiGet, type Paged } from '@/lib/api-client';
import type { OnlineLevel, ProcedureLevel, ProcedureSummary } from '../types';

export interface ListProceduresInput {
  q?: string;
  office?: string;
  level?: ProcedureLevel;
  online?: OnlineLevel;
  page?: number;
  pageSize?: number;
}

export function listProcedures(input: ListProceduresInput, signal?: AbortSignal): Promise<Paged<ProcedureSummary>> {
  return apiGet<Paged<ProcedureSummary>>('/api/v1/procedures', { params: input, signal });
}

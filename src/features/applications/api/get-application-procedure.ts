import { apiGet } from '@/lib/api-client';
import type { ApplicationProcedure } from '../types';

export function getApplicationProcedure(code: string): Promise<ApplicationProcedure> {
  return apiGet<ApplicationProcedure>(`/api/v1/procedures/${encodeURIComponent(code)}`);
}

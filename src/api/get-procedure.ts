import { apiGet } from '@/lib/api-client';
import type { Procedure } from '@/types/procedure';

export function getProcedure(code: string): Promise<Procedure> {
  return apiGet<Procedure>(`/api/v1/procedures/${encodeURIComponent(code)}`);
}

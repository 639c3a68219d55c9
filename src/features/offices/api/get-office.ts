import { apiGet } from '@/lib/api-client';
import type { Office } from '../types';

export function getOffice(code: string): Promise<Office> {
  return apiGet<Office>(`/api/v1/offices/${encodeURIComponent(code)}`);
}

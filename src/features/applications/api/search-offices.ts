import { apiGet, type Paged } from '@/lib/api-client';
import type { OfficeChoice } from '../types';

export const OFFICE_RESULTS_PAGE_SIZE = 8;

/** Offices whose unit name or former communes match `q` (diacritics ignored by the proxy). */
export function searchOffices(q: string, signal?: AbortSignal): Promise<Paged<OfficeChoice>> {
  return apiGet<Paged<OfficeChoice>>('/api/v1/offices', {
    params: { ...(q ? { q } : {}), pageSize: OFFICE_RESULTS_PAGE_SIZE },
    signal,
  });
}

export function getOffice(code: string): Promise<OfficeChoice> {
  return apiGet<OfficeChoice>(`/api/v1/offices/${encodeURIComponent(code)}`);
}

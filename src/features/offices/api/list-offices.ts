import { apiGet, type Paged } from '@/lib/api-client';
import type { OfficeSummary } from '../types';

export function listOffices(q: string, signal?: AbortSignal): Promise<Paged<OfficeSummary>> {
  return apiGet<Paged<OfficeSummary>>('/api/v1/offices', { params: q ? { q } : {}, signal });
}

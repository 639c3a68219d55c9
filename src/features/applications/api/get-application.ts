import { apiGet } from '@/lib/api-client';
import type { ApplicationDetail } from '../types';

/** GET /api/v1/applications/:id: one of the citizen's own applications (someone else's answers 404). */
export function getApplication(id: string, signal?: AbortSignal): Promise<ApplicationDetail> {
  return apiGet<ApplicationDetail>(`/api/v1/applications/${encodeURIComponent(id)}`, { signedIn: true, signal });
}

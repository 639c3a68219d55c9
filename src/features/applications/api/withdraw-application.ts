import { apiRequest } from '@/lib/api-client';
import type { ApplicationDetail } from '../types';

/** POST /api/v1/applications/:id/withdrawal: 200 with the application; 409 WITHDRAWAL_NOT_ALLOWED once decided. */
export function withdrawApplication(applicationId: string, reason?: string): Promise<ApplicationDetail> {
  return apiRequest<ApplicationDetail>('POST', `/api/v1/applications/${encodeURIComponent(applicationId)}/withdrawal`, {
    signedIn: true,
    data: reason ? { reason } : {},
  });
}

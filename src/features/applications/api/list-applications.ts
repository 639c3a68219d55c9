import { apiGet } from '@/lib/api-client';
import type { ApplicationSummary } from '../types';

/** GET /api/v1/applications: the signed-in citizen's applications, those needing action first. */
export async function listApplications(signal?: AbortSignal): Promise<ApplicationSummary[]> {
  const body = await apiGet<{ items: ApplicationSummary[] }>('/api/v1/applications', { signedIn: true, signal });
  return body.items;
}

import { apiGet } from '@/lib/api-client';
import type { ApplicationReceipt } from '../types';

export function getApplication(id: string): Promise<ApplicationReceipt> {
  return apiGet<ApplicationReceipt>(`/api/v1/applications/${encodeURIComponent(id)}`, { signedIn: true });
}

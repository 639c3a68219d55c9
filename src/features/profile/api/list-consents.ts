import { apiGet } from '@/lib/api-client';
import type { ConsentStatus } from '../types';

export async function listConsents(): Promise<ConsentStatus[]> {
  return (await apiGet<{ consents: ConsentStatus[] }>('/api/v1/me/consents', { signedIn: true })).consents;
}

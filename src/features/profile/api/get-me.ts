import { apiGet } from '@/lib/api-client';
import type { Me } from '../types';

export function getMe(): Promise<Me> {
  return apiGet<Me>('/api/v1/me', { signedIn: true });
}

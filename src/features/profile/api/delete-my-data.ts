import { apiRequest } from '@/lib/api-client';

/** Deletes everything the proxy holds about the citizen; their session ends with it. */
export async function deleteMyData(): Promise<void> {
  await apiRequest<void>('DELETE', '/api/v1/me', { signedIn: true });
}

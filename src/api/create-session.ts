import { apiRequest } from '@/lib/api-client';
import type { Session } from '@/types/session';

/** Exchanges a Zalo access token for the proxy's own session token. */
export function createSession(accessToken: string): Promise<Session> {
  return apiRequest<Session>('POST', '/api/v1/sessions', { data: { accessToken } });
}

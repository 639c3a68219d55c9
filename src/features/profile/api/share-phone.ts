import { apiRequest } from '@/lib/api-client';
import type { Me } from '../types';

export interface SharePhoneInput {
  /** From Zalo's getPhoneNumber(): single-use, valid two minutes. */
  phoneToken: string;
  /** A current Zalo access token: Zalo needs it to exchange the phone token, and the proxy keeps none. */
  accessToken: string;
}

export function sharePhone(input: SharePhoneInput): Promise<Me> {
  return apiRequest<Me>('POST', '/api/v1/me/phone', { signedIn: true, data: input });
}

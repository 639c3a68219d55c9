import { apiGet } from '@/lib/api-client';
import type { PublicLookupResult } from '../types';

/**
 * GET /api/v1/lookup, public (no session): a dossier's status by its receipt code and the last four digits of the
 * applicant's phone. 404 DOSSIER_NOT_FOUND for a wrong code and a wrong phone alike; 429 RATE_LIMITED.
 */
export function lookUpApplication(receiptCode: string, phoneLast4: string, signal?: AbortSignal): Promise<PublicLookupResult> {
  return apiGet<PublicLookupResult>('/api/v1/lookup', { params: { receiptCode, phoneLast4 }, signal });
}

import { apiRequest } from '@/lib/api-client';
import { CONSENT_TEXT_VERSIONS } from '../consent-versions';
import type { ConsentPurpose, ConsentStatus } from '../types';

/** Grants (to the text version the app shows) or withdraws one consent; withdrawing deletes that purpose's data. */
export function answerConsent(purpose: ConsentPurpose, granted: boolean): Promise<ConsentStatus> {
  return apiRequest<ConsentStatus>('PUT', `/api/v1/me/consents/${purpose}`, {
    signedIn: true,
    data: granted ? { granted, textVersion: CONSENT_TEXT_VERSIONS[purpose] } : { granted },
  });
}

import { apiGet } from '@/lib/api-client';

/** The parts of GET /api/v1/me used to pre-fill the applicant's details. */
export interface ApplicantProfile {
  name: string | null;
  phone: { number: string } | null;
}

export function getApplicantProfile(): Promise<ApplicantProfile> {
  return apiGet<ApplicantProfile>('/api/v1/me', { signedIn: true });
}

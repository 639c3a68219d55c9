import { apiRequest } from '@/lib/api-client';

export interface RatingInput {
  /** 1–5. */
  stars: number;
  comment?: string;
}

/** POST /api/v1/applications/:id/rating: 201; 409 ALREADY_RATED or RATING_NOT_ALLOWED (no result yet). */
export async function rateApplication(applicationId: string, input: RatingInput): Promise<void> {
  await apiRequest<unknown>('POST', `/api/v1/applications/${encodeURIComponent(applicationId)}/rating`, {
    signedIn: true,
    data: input,
  });
}

import { getApiClient } from '@/lib/api-client';

/** POST /api/v1/applications/:id/supplements body: one upload (POST /api/v1/uploads) per requested document. */
export interface SupplementInput {
  attachments: { documentName: string; uploadId: string }[];
  note?: string;
}

/**
 * Sends the documents the office asked for (status 5). 202: accepted, forwarded to the one-stop system by the proxy.
 * The same Idempotency-Key with the same body is answered like the first time, so a retry never sends twice;
 * 409 SUPPLEMENT_NOT_REQUESTED when the office is not (or no longer) waiting for documents.
 */
export async function sendSupplement(applicationId: string, input: SupplementInput, idempotencyKey: string): Promise<void> {
  const client = await getApiClient();
  await client.post(`/api/v1/applications/${encodeURIComponent(applicationId)}/supplements`, input, {
    signedIn: true,
    headers: { 'Idempotency-Key': idempotencyKey, 'Content-Type': 'application/json' },
  });
}

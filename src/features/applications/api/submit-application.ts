import { ApiError, getApiClient } from '@/lib/api-client';
import type { ApplicationReceipt, SubmitApplicationInput } from '../types';

/** The proxy refused some answers (422 VALIDATION_FAILED): a Vietnamese message per field or document code. */
export class ApplicationValidationError extends ApiError {
  readonly fields: Record<string, string>;

  constructor(message: string, fields: Record<string, string>) {
    super(422, 'VALIDATION_FAILED', message);
    this.name = 'ApplicationValidationError';
    this.fields = fields;
  }
}

interface ValidationFailedBody {
  code?: unknown;
  message?: unknown;
  fields?: unknown;
}

const DEFAULT_VALIDATION_MESSAGE = 'Có thông tin chưa đúng. Hãy sửa những mục được đánh dấu rồi nộp lại.';

/**
 * POST /api/v1/applications. The same Idempotency-Key with the same body returns the first result, so a retry after
 * a lost answer never creates a second application.
 */
export async function submitApplication(
  input: SubmitApplicationInput,
  idempotencyKey: string,
): Promise<ApplicationReceipt> {
  const client = await getApiClient();
  const response = await client.post<ApplicationReceipt | ValidationFailedBody>('/api/v1/applications', input, {
    signedIn: true,
    headers: { 'Idempotency-Key': idempotencyKey, 'Content-Type': 'application/json' },
    // A 422 is read here rather than mapped to a plain ApiError, to keep its per-field errors.
    validateStatus: (status) => (status >= 200 && status < 300) || status === 422,
  });
  if (response.status === 422) {
    const body = (response.data ?? {}) as ValidationFailedBody;
    const message = typeof body.message === 'string' && body.message ? body.message : DEFAULT_VALIDATION_MESSAGE;
    const fields =
      body.fields && typeof body.fields === 'object'
        ? Object.fromEntries(
            Object.entries(body.fields as Record<string, unknown>).filter(
              (entry): entry is [string, string] => typeof entry[1] === 'string',
            ),
          )
        : {};
    if (body.code === 'VALIDATION_FAILED') throw new ApplicationValidationError(message, fields);
    throw new ApiError(422, typeof body.code === 'string' ? body.code : 'BAD_REQUEST', message);
  }
  return response.data as ApplicationReceipt;
}

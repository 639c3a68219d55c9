/** Every failed call to the proxy becomes one of these; `code` is for programs, `message` for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }

  get isCancelled(): boolean {
    return this.code === 'REQUEST_CANCELLED';
  }
}

export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Anything thrown by a call to the proxy as an ApiError. The axios instance (lib/http-client.ts) already turns every
 * failure into one, with the proxy's own code and message; this only catches what did not come from it.
 */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN_ERROR', 'Đã có lỗi xảy ra. Hãy thử lại.');
}

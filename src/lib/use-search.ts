import { useCallback, useEffect, useState } from 'react';
import { ApiError, toApiError } from '@/lib/api-client';

export const SEARCH_DEBOUNCE_MS = 250;

export type SearchResult<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'success'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError };

/**
 * Search-as-you-type: waits until typing pauses, then fetches; a newer query aborts the request of the older one,
 * so only the last query's answer is ever shown.
 */
export function useSearch<T>(
  query: string,
  fetcher: (query: string, signal: AbortSignal) => Promise<T>,
): SearchResult<T> & { retry: () => void } {
  const [result, setResult] = useState<SearchResult<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResult({ status: 'loading' });
    const timer = setTimeout(() => {
      fetcher(query, controller.signal).then(
        (data) => {
          if (!controller.signal.aborted) setResult({ status: 'success', data });
        },
        (error: unknown) => {
          const apiError = toApiError(error);
          if (!controller.signal.aborted && !apiError.isCancelled) setResult({ status: 'error', error: apiError });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, fetcher, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, retry };
}

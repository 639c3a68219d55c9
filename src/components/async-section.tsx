import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { toApiError } from '@/lib/api-client';
import { ErrorState } from './error-state';

interface AsyncSectionProps {
  /** Skeleton shown while the section's data loads. */
  fallback: ReactNode;
  /** Clears the failed data (e.g. a recoil refresher) before the section renders again. */
  onRetry: () => void;
  /** Shown instead of the error message when the proxy answers 404. */
  notFound?: ReactNode;
  children: ReactNode;
}

/** One page section that loads data through Suspense: skeleton, then content, or an error with "Thử lại". */
export function AsyncSection({ fallback, onRetry, notFound, children }: AsyncSectionProps) {
  return (
    <ErrorBoundary
      onReset={onRetry}
      fallbackRender={({ error, resetErrorBoundary }) => {
        const apiError = toApiError(error);
        if (notFound && apiError.status === 404) return <>{notFound}</>;
        return <ErrorState message={apiError.message} onRetry={resetErrorBoundary} />;
      }}
    >
      <Suspense fallback={fallback}>{children}</Suspense>
    </ErrorBoundary>
  );
}

import { appConfig } from '@/config/app-config';
import type { Paged } from '@/lib/api-client';
import type { ProcedureSummary } from '../types';
import { listProcedures } from './list-procedures';
import { POPULAR_PROCEDURES_COUNT, POPULAR_PROCEDURES_PATH } from './popular-procedures-path';

/**
 * The home screen's popular procedures. When index.html preloaded them (`<link rel="preload" as="fetch">`, see
 * vite.config.ts), the same fetch() picks up that response — on a slow link it arrived while the JavaScript was
 * still downloading, and axios (a lazy chunk) is not waited for. Without the preload, or if that request failed,
 * the ordinary API client asks (with its retries of the session and its error messages).
 */
export async function listPopularProcedures(): Promise<ProcedureSummary[]> {
  const url = `${appConfig.apiBaseUrl}${POPULAR_PROCEDURES_PATH}`;
  const preloaded = typeof document !== 'undefined' && document.querySelector(`link[rel="preload"][href="${url}"]`);
  if (preloaded && typeof fetch === 'function') {
    try {
      // Same mode and credentials as the preload (crossorigin="anonymous"), so the browser reuses its response.
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok) return ((await response.json()) as Paged<ProcedureSummary>).items;
    } catch {
      // fall through to the API client
    }
  }
  return (await listProcedures({ pageSize: POPULAR_PROCEDURES_COUNT })).items;
}

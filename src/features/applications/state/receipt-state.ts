import { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { selectorFamily } from 'recoil';
import { getApplication } from '../api/get-application';
import { listApplications } from '../api/list-applications';
import type { ApplicationDetail, ApplicationSummary } from '../types';

// A dossier changes while the app is closed (the office acts on it), so each visit to a page asks the proxy again:
// the selectors are keyed by the visit as well as the id, and keep only the latest answer.
let visits = 0;

/**
 * A number of its own for each visit to a page, stable while it stays open. A visit is a navigation, not a mount:
 * zmp-ui's AnimationRoutes shows a page again with the same component when it is still animating out.
 */
export function usePageVisit(): number {
  const { key } = useLocation();
  return useMemo(() => {
    visits += 1;
    return visits;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

export const applicationReceiptState = selectorFamily<ApplicationDetail, { id: string; visit: number }>({
  key: 'applications/receipt',
  get:
    ({ id }) =>
    () =>
      getApplication(id),
  cachePolicy_UNSTABLE: { eviction: 'most-recent' },
});

/** The Hồ sơ tab's list, those needing action first (the proxy's order, kept stable otherwise). */
export const myApplicationsState = selectorFamily<ApplicationSummary[], number>({
  key: 'applications/mine',
  get: () => async () => {
    const items = await listApplications();
    return [...items].sort((a, b) => Number(Boolean(b.needsAction)) - Number(Boolean(a.needsAction)));
  },
  cachePolicy_UNSTABLE: { eviction: 'most-recent' },
});

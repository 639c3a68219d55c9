import { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { selectorFamily } from 'recoil';
import { listNotifications } from '../api/list-notifications';
import type { NotificationPage } from '../types';

let visits = 0;

/**
 * A number of its own for each visit to the Thông báo tab: news arrives while the app is closed, so each visit asks
 * the proxy again. A visit is a navigation, not a mount (zmp-ui's AnimationRoutes may show a page again as it is).
 */
export function useInboxVisit(): number {
  const { key } = useLocation();
  return useMemo(() => {
    visits += 1;
    return visits;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

/** The first page of the citizen's inbox, newest first; keyed by citizen (the demo switch) and visit. */
export const inboxState = selectorFamily<NotificationPage, { citizenId: string; visit: number }>({
  key: 'notifications/inbox',
  get: () => () => listNotifications(),
  cachePolicy_UNSTABLE: { eviction: 'most-recent' },
});

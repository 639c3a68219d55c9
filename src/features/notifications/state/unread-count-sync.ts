// When the Thông báo tab's count is asked for (src/README.md, "Unread count"): it follows the session, and is asked
// again when the app returns to the foreground, which is when a citizen expects news.
import { getSessionState, subscribeToSession } from '@/state/session';
import { toApiError } from '@/lib/api-client';
import { listNotifications } from '../api/list-notifications';
import { setUnreadCount } from '@/state/unread-count';

let inFlight: AbortController | null = null;

function signedInCitizen(): string | null {
  const session = getSessionState();
  return session.status === 'signed-in' ? session.citizenId : null;
}

export async function refreshUnreadCountNow(): Promise<void> {
  if (!signedInCitizen()) {
    setUnreadCount(0);
    return;
  }
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  try {
    const page = await listNotifications({ unread: true, pageSize: 1, signal: controller.signal });
    if (!controller.signal.aborted) setUnreadCount(page.unreadCount);
  } catch (error) {
    // Signed out meanwhile: nothing to count. Any other failure keeps the last count; the next refresh tries again.
    if (toApiError(error).status === 401) setUnreadCount(0);
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

/** Starts following the session and the app's visibility; returns the function that stops it. */
export function startUnreadCountSync(): () => void {
  let citizen = signedInCitizen();
  const onSession = () => {
    const next = signedInCitizen();
    if (next === citizen) return;
    citizen = next;
    // Another citizen (the demo switch) must not see the previous one's count, even for a moment.
    setUnreadCount(0);
    if (next) void refreshUnreadCountNow();
  };
  const onVisibility = () => {
    if (!document.hidden) void refreshUnreadCountNow();
  };
  const unsubscribe = subscribeToSession(onSession);
  document.addEventListener('visibilitychange', onVisibility);
  void refreshUnreadCountNow();
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

// The unread count on the Thông báo tab. The bottom navigation is in the initial bundle, so this module only keeps
// the number; asking the proxy (and knowing when to) is a lazy chunk, ./unread-count-sync.ts.
import { useEffect, useSyncExternalStore } from 'react';

let count = 0;
const listeners = new Set<() => void>();

export function setUnreadCount(next: number): void {
  if (next === count) return;
  count = Math.max(0, next);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const sync = () => import('./unread-count-sync');

/** Asks the proxy for the count again (after the citizen read something elsewhere, for instance). */
export function refreshUnreadCount(): void {
  void sync().then((module) => module.refreshUnreadCountNow());
}

/** The count, kept fresh while a component shows it: on sign-in, and whenever the app comes back to the front. */
export function useUnreadCount(): number {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let mounted = true;
    void sync().then((module) => {
      if (mounted) stop = module.startUnreadCountSync();
    });
    return () => {
      mounted = false;
      stop?.();
    };
  }, []);
  return useSyncExternalStore(subscribe, () => count);
}

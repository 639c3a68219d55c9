// The Thông báo tab's count: only the number, since the bottom navigation is in the initial bundle; the notifications
// feature's lazy sync keeps it fresh (src/README.md, "Unread count").
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

/** What keeps the count fresh: features/notifications/state/unread-count-sync.ts. */
export interface UnreadCountSync {
  startUnreadCountSync(): () => void;
  refreshUnreadCountNow(): Promise<void>;
}

let sync: () => Promise<UnreadCountSync> = () => new Promise(() => undefined);

/** Called once by the app's composition (app.tsx) with the lazy loader of the sync. */
export function provideUnreadCountSync(load: () => Promise<UnreadCountSync>): void {
  sync = load;
}

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

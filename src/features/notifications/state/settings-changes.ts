// Notification settings change from several screens (Cá nhân, the consent screen, the receipt's offer); whoever shows
// them reads them again when this counter moves.
import { useSyncExternalStore } from 'react';

let version = 0;
const listeners = new Set<() => void>();

export function notificationSettingsChanged(): void {
  version += 1;
  listeners.forEach((listener) => listener());
}

export function useNotificationSettingsVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}

// Follows the links that open the app: once on a cold start (getRouteParams), and each time a link brings the app
// back from the background (OpenApp). shared/reference/zalo-platform.md, "Deep links and QR codes".
import type { EntryTarget } from '@lao-cai-so/domain/deep-link';
import { getLaunchParams, onOpenApp } from '@/lib/zalo';
import { destinationPath, entryPath, entryTargetOf } from './entry-path';

/**
 * Calls `open` with the app path of each link, unless the app already shows the page it names (`currentPath`, e.g.
 * the same poster scanned again, or OpenApp repeating the link the app was started with). Returns the function that
 * stops listening.
 */
export function startEntryLinks(open: (path: string) => void, currentPath: () => string): () => void {
  let stopped = false;
  const follow = (target: EntryTarget) => {
    const path = entryPath(target);
    if (!path || stopped) return;
    const current = currentPath();
    if (current === path || current === destinationPath(target)) return;
    open(path);
  };
  getLaunchParams().then(
    (params) => follow(entryTargetOf(params)),
    () => undefined,
  );
  const stopListening = onOpenApp((zaloPath) => follow(entryTargetOf(zaloPath)));
  return () => {
    stopped = true;
    stopListening();
  };
}

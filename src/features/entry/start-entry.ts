// Follows the links that open the app: once on a cold start (getRouteParams), and each time a link brings the app
// back from the background (OpenApp). shared/reference/zalo-platform.md, "Deep links and QR codes".
import { getLaunchParams, onOpenApp } from '@/lib/zalo';
import { entryPathOf } from './entry-path';

/** Calls `open` with the app path of each link; returns the function that stops listening. */
export function startEntryLinks(open: (path: string) => void): () => void {
  let stopped = false;
  getLaunchParams().then(
    (params) => {
      const path = entryPathOf(params);
      if (path && !stopped) open(path);
    },
    () => undefined,
  );
  const stopListening = onOpenApp((zaloPath) => {
    const path = entryPathOf(zaloPath);
    if (path && !stopped) open(path);
  });
  return () => {
    stopped = true;
    stopListening();
  };
}

// One way for any part of the app to show a short message: the lazily loaded Notifier (components/notifier.tsx)
// is the only place that talks to zmp-ui's snackbar. Messages sent before it has loaded wait for it.
export interface Notice {
  text: string;
  type: 'success' | 'error' | 'info';
}

type Listener = (notice: Notice) => void;

let listener: Listener | null = null;
const pending: Notice[] = [];

export function notify(notice: Notice): void {
  if (listener) listener(notice);
  else pending.push(notice);
}

/** Registers the one notifier; returns the function that unregisters it. */
export function setNotifier(next: Listener): () => void {
  listener = next;
  pending.splice(0).forEach(next);
  return () => {
    if (listener === next) listener = null;
  };
}

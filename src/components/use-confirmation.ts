import { useState } from 'react';
import { toApiError } from '@/lib/api-client';

/**
 * The state around a ConfirmDialog: what it is open for (`true`, or the item it asks about), the action running,
 * and the error to show in it. `run` performs the confirmed action; on success it closes the dialog and then does
 * `after` (say so, reload, sign out); on failure the dialog stays open with the proxy's message.
 */
export function useConfirmation<T = true>() {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const cancel = () => {
    setTarget(null);
    setError(null);
  };

  const run = async (action: () => Promise<unknown>, after?: () => unknown) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      cancel();
      await after?.();
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return { target, ask: setTarget, cancel, busy, error, run };
}

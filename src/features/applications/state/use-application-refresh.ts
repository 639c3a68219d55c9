// Keeps a receipt page up to date while the one-stop system has not yet answered: polls the proxy with a growing
// delay, pauses while the page is hidden (no requests from a phone in a pocket), and gives up after a while.
import { useCallback, useEffect, useRef, useState } from 'react';
import { getApplication } from '../api/get-application';
import type { ApplicationDetail } from '../types';

export const REFRESH_POLICY = {
  firstDelayMs: 2_000,
  factor: 1.5,
  maxDelayMs: 15_000,
  /** Polling stops this long after it (re)started; "Làm mới" starts it again. */
  giveUpAfterMs: 3 * 60_000,
};

/** Nothing more to wait for: the receipt code is there, or forwarding ended some other way (e.g. failed). */
export function isSettled(application: ApplicationDetail): boolean {
  return application.receiptCode !== null || application.status !== 'forwarding';
}

export interface ApplicationRefresh {
  application: ApplicationDetail;
  /** A request is on its way. */
  refreshing: boolean;
  /** Polling stopped before the one-stop system answered; the citizen can still tap "Làm mới". */
  stopped: boolean;
  refreshNow: () => void;
}

export function useApplicationRefresh(initial: ApplicationDetail): ApplicationRefresh {
  const [application, setApplication] = useState(initial);
  const [refreshing, setRefreshing] = useState(false);
  const [stopped, setStopped] = useState(false);
  const settled = isSettled(application);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const delay = useRef(REFRESH_POLICY.firstDelayMs);
  const startedAt = useRef(Date.now());
  const settledRef = useRef(settled);
  settledRef.current = settled;
  const mounted = useRef(true);

  const clearTimer = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  };

  const fetchNow = useCallback(async (): Promise<void> => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setRefreshing(true);
    try {
      const next = await getApplication(initial.id, controller.signal);
      if (!controller.signal.aborted) setApplication(next);
    } catch {
      // A failed poll changes nothing on screen: the next one, or "Làm mới", tries again.
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setRefreshing(false);
      }
    }
  }, [initial.id]);

  const schedule = useCallback(() => {
    clearTimer();
    if (!mounted.current || settledRef.current || document.hidden) return;
    if (Date.now() - startedAt.current >= REFRESH_POLICY.giveUpAfterMs) {
      setStopped(true);
      return;
    }
    timer.current = setTimeout(async () => {
      timer.current = undefined;
      await fetchNow();
      delay.current = Math.min(delay.current * REFRESH_POLICY.factor, REFRESH_POLICY.maxDelayMs);
      schedule();
    }, delay.current);
  }, [fetchNow]);

  // Start polling, and stop for good once settled.
  useEffect(() => {
    if (settled) {
      clearTimer();
      return;
    }
    schedule();
    return clearTimer;
  }, [settled, schedule]);

  // Hidden: no timers. Visible again: look at once, then carry on polling.
  useEffect(() => {
    const onVisibilityChange = () => {
      if (document.hidden) {
        clearTimer();
        return;
      }
      if (settledRef.current || timer.current !== undefined) return;
      if (Date.now() - startedAt.current >= REFRESH_POLICY.giveUpAfterMs) return;
      void fetchNow().then(schedule);
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => document.removeEventListener('visibilitychange', onVisibilityChange);
  }, [fetchNow, schedule]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimer();
      inFlight.current?.abort();
    };
  }, []);

  const refreshNow = useCallback(() => {
    clearTimer();
    startedAt.current = Date.now();
    delay.current = REFRESH_POLICY.firstDelayMs;
    setStopped(false);
    void fetchNow().then(schedule);
  }, [fetchNow, schedule]);

  return { application, refreshing, stopped, refreshNow };
}

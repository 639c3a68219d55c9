import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { scanCode, type ScanOutcome } from './scan-code';

/** What a scan that did not open a page leaves to say: not one of our codes, or no scanner. */
export type ScanProblem = Extract<ScanOutcome['kind'], 'unknown' | 'failed'>;

/**
 * Scanning from a button: opens the page the code leads to, or hands the problem to `onProblem`; closing the
 * scanner does nothing. One scan at a time.
 */
export function useQrScan(onProblem: (problem: ScanProblem) => void) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const scan = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    const outcome = await scanCode().catch((): ScanOutcome => ({ kind: 'failed' }));
    running.current = false;
    setBusy(false);
    if (outcome.kind === 'open') navigate(outcome.path);
    else if (outcome.kind !== 'cancelled') onProblem(outcome.kind);
  };
  return { scan, busy };
}

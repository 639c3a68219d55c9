import { parseScannedCode } from '@lao-cai-so/domain/deep-link';
import { appConfig } from '@/config/app-config';
import { scanQRCode, ZaloError } from '@/lib/zalo';
import { findApplicationByReceiptCode } from './api/find-application-by-receipt-code';
import { entryPath } from './entry-path';

/** How a scan ended: a page of the app to open, a code that is not ours, the scanner closed, or no scanner. */
export type ScanOutcome =
  | { kind: 'open'; path: string }
  | { kind: 'unknown' }
  | { kind: 'cancelled' }
  | { kind: 'failed' };

/** The public lookup, with the receipt code filled in (pages/lookup-page.tsx reads `code`). */
export function lookupPath(receiptCode: string): string {
  return `/lookup?${new URLSearchParams({ code: receiptCode }).toString()}`;
}

/**
 * Opens Zalo's scanner and says where the code leads: an office poster or another link of this mini app (only this
 * app id) to its page; a receipt code to the citizen's own dossier, or to the public lookup when it is not theirs
 * (or they are not signed in); anything else is "unknown".
 */
export async function scanCode(): Promise<ScanOutcome> {
  let content: string | null;
  try {
    content = await scanQRCode();
  } catch (error) {
    // The citizen refused the camera: they chose not to scan.
    return error instanceof ZaloError && error.refused ? { kind: 'cancelled' } : { kind: 'failed' };
  }
  if (content === null) return { kind: 'cancelled' };

  const code = parseScannedCode(content, appConfig.zaloAppId);
  if (code.kind === 'deep-link') {
    const path = entryPath(code.target);
    return path ? { kind: 'open', path } : { kind: 'unknown' };
  }
  if (code.kind === 'receipt') {
    const id = await findApplicationByReceiptCode(code.receiptCode).catch(() => null);
    return { kind: 'open', path: id ? `/applications/${encodeURIComponent(id)}` : lookupPath(code.receiptCode) };
  }
  return { kind: 'unknown' };
}

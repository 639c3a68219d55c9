// What the officer typed or scanned in "Quét mã biên nhận": the mini app's receipt QR encodes the receipt code itself
// in the shape this system issues (receipt-codes.ts), a poster's QR a link into the mini app.
import { isReceiptCode } from './receipt-codes';

export type ReceiptInput =
  | { kind: 'receipt'; receiptCode: string }
  | { kind: 'app-link' }
  | { kind: 'not-a-receipt' };

/** A link into a Zalo mini app (an office poster, a notification button), whatever its app id. */
function isMiniAppLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.hostname === 'zalo.me' && url.pathname.startsWith('/s/');
  } catch {
    return false;
  }
}

export function readReceiptInput(raw: string): ReceiptInput {
  const text = raw.trim();
  // Typed codes may come in lower case; receipt codes are printed in capitals.
  if (isReceiptCode(text.toUpperCase())) return { kind: 'receipt', receiptCode: text.toUpperCase() };
  if (isMiniAppLink(text)) return { kind: 'app-link' };
  return { kind: 'not-a-receipt' };
}

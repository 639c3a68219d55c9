import { useEffect, useState } from 'react';

/**
 * A QR code of the receipt code, for the officer at the desk to scan. The QR library is fetched only when a receipt
 * code is shown, so it stays out of the initial bundle.
 */
export function ReceiptQrCode({ value, label }: { value: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setSvg(null);
    import('qrcode')
      .then((qrcode) => qrcode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }))
      .then((markup) => {
        if (current) setSvg(markup);
      })
      .catch(() => {
        // No QR code is no loss: the receipt code is printed above it.
      });
    return () => {
      current = false;
    };
  }, [value]);

  // The markup comes from the QR library and encodes only the receipt code (no text of the citizen's is inserted).
  return (
    <div
      className="receipt-qr"
      role="img"
      aria-label={label}
      aria-busy={svg === null}
      dangerouslySetInnerHTML={svg === null ? undefined : { __html: svg }}
    />
  );
}

import { localYymmdd } from './dvcqg-date';

/** The shape of the codes issued here, as the officer console recognises a typed or scanned one. */
const RECEIPT_CODE_SHAPE = /^[A-Z0-9]{1,20}-\d{6}-\d{4,}$/;

export function isReceiptCode(text: string): boolean {
  return RECEIPT_CODE_SHAPE.test(text);
}

/**
 * Receipt codes (mã hồ sơ) as `<unit code>-<yymmdd>-<sequence>`, the sequence counting the unit's acceptances of
 * that local day from 0001. The format is common among provincial systems but unconfirmed for Lào Cai, so clients
 * must treat the code as an opaque string (public-service-domain.md).
 */
export class ReceiptCodes {
  private readonly lastSequence = new Map<string, number>();

  next(unitCode: string, acceptedAt: Date): string {
    const day = localYymmdd(acceptedAt);
    const key = `${unitCode}|${day}`;
    const sequence = (this.lastSequence.get(key) ?? 0) + 1;
    this.lastSequence.set(key, sequence);
    return `${unitCode}-${day}-${String(sequence).padStart(4, '0')}`;
  }

  clear(): void {
    this.lastSequence.clear();
  }
}

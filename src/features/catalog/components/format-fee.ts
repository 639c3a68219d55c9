import type { TFunction } from 'i18next';
import type { ProcedureFee } from '../types';

const dong = new Intl.NumberFormat('vi-VN');

/** "Miễn phí" for 0, "50.000 đồng" otherwise, "Tuỳ trường hợp" when the amount varies. */
export function formatFeeAmount(fee: ProcedureFee, t: TFunction): string {
  if (fee.amount === null) return t('procedure.feeVaries');
  if (fee.amount === 0) return t('procedure.free');
  return `${dong.format(fee.amount)} đồng`;
}

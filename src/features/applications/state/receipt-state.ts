import { selectorFamily } from 'recoil';
import { getApplication } from '../api/get-application';
import type { ApplicationReceipt } from '../types';

export const applicationReceiptState = selectorFamily<ApplicationReceipt, string>({
  key: 'applications/receipt',
  get: (id) => () => getApplication(id),
});

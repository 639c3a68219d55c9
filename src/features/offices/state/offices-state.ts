import { atom, selectorFamily } from 'recoil';
import { getOffice } from '../api/get-office';
import type { Office } from '../types';

/** What the citizen typed in the office search box; kept while they open an office and come back. */
export const officeSearchQueryState = atom<string>({
  key: 'offices/officeSearchQuery',
  default: '',
});

export const officeState = selectorFamily<Office, string>({
  key: 'offices/office',
  get: (code) => () => getOffice(code),
});

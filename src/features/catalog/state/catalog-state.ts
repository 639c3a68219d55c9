import { atom, selector } from 'recoil';
import { listPopularProcedures } from '../api/list-popular-procedures';
import type { ProcedureSummary } from '../types';

export { POPULAR_PROCEDURES_COUNT } from '../api/popular-procedures-path';

/** What the citizen typed in the home search box; kept while they open a result and come back. */
export const procedureSearchQueryState = atom<string>({
  key: 'catalog/procedureSearchQuery',
  default: '',
});

/** The most used procedures, in the order the proxy ranks them. */
export const popularProceduresState = selector<ProcedureSummary[]>({
  key: 'catalog/popularProcedures',
  get: () => listPopularProcedures(),
});

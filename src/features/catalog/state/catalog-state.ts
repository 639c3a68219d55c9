import { atom, selector, selectorFamily } from 'recoil';
import { listProcedures } from '../api/list-procedures';
import { getProcedure } from '../api/get-procedure';
import type { Procedure, ProcedureSummary } from '../types';

export const POPULAR_PROCEDURES_COUNT = 8;

/** What the citizen typed in the home search box; kept while they open a result and come back. */
export const procedureSearchQueryState = atom<string>({
  key: 'catalog/procedureSearchQuery',
  default: '',
});

/** The most used procedures, in the order the proxy ranks them. */
export const popularProceduresState = selector<ProcedureSummary[]>({
  key: 'catalog/popularProcedures',
  get: async () => (await listProcedures({ pageSize: POPULAR_PROCEDURES_COUNT })).items,
});

export const procedureState = selectorFamily<Procedure, string>({
  key: 'catalog/procedure',
  get: (code) => () => getProcedure(code),
});

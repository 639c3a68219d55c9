import { selectorFamily } from 'recoil';
import { getProcedure } from '@/api/get-procedure';
import type { Procedure } from '@/types/procedure';

/**
 * GET /api/v1/procedures/:code, fetched once per procedure for every screen that shows it: the catalogue's details,
 * the application form, the drafts list and the deep-link entry.
 */
export const procedureState = selectorFamily<Procedure, string>({
  key: 'procedures/procedure',
  get: (code) => () => getProcedure(code),
});

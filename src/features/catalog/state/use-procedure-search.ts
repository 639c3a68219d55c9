import { listProcedures } from '../api/list-procedures';
import { useSearch } from '@/lib/use-search';

const searchProcedures = async (q: string, signal: AbortSignal) => listProcedures({ q }, signal);

export function useProcedureSearch(query: string) {
  return useSearch(query, searchProcedures);
}

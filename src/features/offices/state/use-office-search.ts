import { listOffices } from '../api/list-offices';
import { useSearch } from '@/lib/use-search';

export function useOfficeSearch(query: string) {
  return useSearch(query, listOffices);
}

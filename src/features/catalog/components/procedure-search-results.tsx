import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { ListSkeleton } from '@/components/skeletons';
import { useProcedureSearch } from '../state/use-procedure-search';
import { ProcedureList } from './procedure-list';

export function ProcedureSearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const search = useProcedureSearch(query);
  if (search.status === 'loading') return <ListSkeleton />;
  if (search.status === 'error') return <ErrorState message={search.error.message} onRetry={search.retry} />;
  const { items, total } = search.data;
  if (items.length === 0) {
    return (
      <p className="state-box" role="status">
        {t('home.noResults', { query })}
      </p>
    );
  }
  return (
    <>
      <p className="result-count" role="status">
        {t('home.resultsCount', { count: total })}
      </p>
      <ProcedureList procedures={items} label={t('home.resultsTitle')} />
    </>
  );
}

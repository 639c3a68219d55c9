import { Link } from 'react-router-dom';
import { useRecoilState } from 'recoil';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { ChevronIcon } from '@/components/icons';
import { SearchBox } from '@/components/search-box';
import { ListSkeleton } from '@/components/skeletons';
import { officeSearchQueryState } from '../state/offices-state';
import { useOfficeSearch } from '../state/use-office-search';

/** Search by the office's name, including the names of communes merged into it (the proxy matches those). */
export function OfficeSearch() {
  const { t } = useTranslation();
  const [query, setQuery] = useRecoilState(officeSearchQueryState);
  const trimmed = query.trim();
  const search = useOfficeSearch(trimmed);

  let body;
  if (search.status === 'loading') body = <ListSkeleton />;
  else if (search.status === 'error') body = <ErrorState message={search.error.message} onRetry={search.retry} />;
  else if (search.data.items.length === 0)
    body = (
      <p className="state-box" role="status">
        {t('offices.noResults', { query: trimmed })}
      </p>
    );
  else
    body = (
      <>
        {search.data.total > search.data.items.length && (
          <p className="result-count">
            {t('offices.partialList', { shown: search.data.items.length, total: search.data.total })}
          </p>
        )}
        <ul className="card-list" aria-label={t('offices.title')}>
          {search.data.items.map((office) => (
            <li key={office.code}>
              <Link to={`/offices/${encodeURIComponent(office.code)}`} className="card-link">
                <span className="card-body">
                  <span className="card-title">{office.name}</span>
                  {office.address && <span className="card-meta">{office.address}</span>}
                </span>
                <ChevronIcon />
              </Link>
            </li>
          ))}
        </ul>
      </>
    );

  return (
    <>
      <SearchBox
        label={t('offices.searchLabel')}
        placeholder={t('offices.searchPlaceholder')}
        value={query}
        onChange={setQuery}
      />
      {body}
    </>
  );
}

import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { useRecoilRefresher_UNSTABLE, useRecoilState } from 'recoil';
import { useTranslation } from 'react-i18next';
import { AsyncSection } from '@/components/async-section';
import { BuildingIcon, ChevronIcon, SearchIcon } from '@/components/icons';
import { PageLayout } from '@/components/page-layout';
import { SearchBox } from '@/components/search-box';
import { ListSkeleton } from '@/components/skeletons';
import { PopularProcedures } from '@/features/catalog/components/popular-procedures';
import { popularProceduresState, procedureSearchQueryState } from '@/features/catalog/state/catalog-state';

// Needed only once the citizen types; its chunk loads during the search debounce (initial bundle budget).
const ProcedureSearchResults = lazy(() =>
  import('@/features/catalog/components/procedure-search-results').then((module) => ({
    default: module.ProcedureSearchResults,
  })),
);
// "Quét mã QR" and its texts load while the home page's data does; the scanning logic only when tapped.
const QrScanButton = lazy(() => import('@/features/entry/components/qr-scan-button'));
const SCAN_LINK_SPACE = { minHeight: 75, marginTop: 12 };

export function HomePage() {
  const { t } = useTranslation();
  const [query, setQuery] = useRecoilState(procedureSearchQueryState);
  const refreshPopular = useRecoilRefresher_UNSTABLE(popularProceduresState);
  const trimmed = query.trim();

  return (
    <PageLayout
      hero={
        <>
          <h1 className="hero-title">{t('app.name')}</h1>
          <p className="hero-tagline">{t('app.tagline')}</p>
          <SearchBox
            label={t('home.searchLabel')}
            placeholder={t('home.searchPlaceholder')}
            value={query}
            onChange={setQuery}
          />
          {/* Its height is kept while it loads, so the page does not jump. */}
          <Suspense fallback={<div style={SCAN_LINK_SPACE} />}>
            <QrScanButton />
          </Suspense>
        </>
      }
    >
      {trimmed ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('home.resultsTitle')}</h2>
          <Suspense fallback={<ListSkeleton />}>
            <ProcedureSearchResults query={trimmed} />
          </Suspense>
        </section>
      ) : (
        <>
          <section aria-labelledby="popular-heading">
            <h2 id="popular-heading">{t('home.popularTitle')}</h2>
            <AsyncSection fallback={<ListSkeleton rows={8} />} onRetry={refreshPopular}>
              <PopularProcedures />
            </AsyncSection>
          </section>
          <Link to="/offices" className="card-link card-link--standalone">
            <BuildingIcon />
            <span className="card-body">
              <span className="card-title">{t('home.officesLink')}</span>
              <span className="card-meta">{t('home.officesHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
          <Link to="/lookup" className="card-link card-link--standalone">
            <SearchIcon />
            <span className="card-body">
              <span className="card-title">{t('home.lookupLink')}</span>
              <span className="card-meta">{t('home.lookupHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </>
      )}
    </PageLayout>
  );
}

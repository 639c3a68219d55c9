import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useRecoilCallback, useRecoilValue, useRecoilState, waitForAllSettled, type Loadable } from 'recoil';
import { parseEntryParams } from '@lao-cai-so/domain/deep-link';
import { AsyncSection } from '@/components/async-section';
import { ChevronIcon } from '@/components/icons';
import { PageLayout } from '@/components/page-layout';
import { SearchBox } from '@/components/search-box';
import { DetailSkeleton } from '@/components/skeletons';
import { toApiError } from '@/lib/api-client';
import { ProcedureSearchResults } from '@/features/catalog/components/procedure-search-results';
import { procedureSearchQueryState } from '@/features/catalog/state/catalog-state';
import { EntryNotFound } from '@/features/entry/components/entry-not-found';
import { destinationPath } from '@/features/entry/entry-path';
import { useEntryDictionary } from '@/features/entry/i18n/use-entry-dictionary';
import { OfficeSearch } from '@/features/offices/components/office-search';
import { officeState } from '@/features/offices/state/offices-state';
import { procedureState } from '@/state/procedure-state';

interface EntryCodes {
  office?: string;
  proc?: string;
}

/** True when the proxy said 404; any other failure is thrown for the section to show with "Thử lại". */
function isMissing(loadable: Loadable<unknown> | undefined): boolean {
  if (!loadable || loadable.state !== 'hasError') return false;
  if (toApiError(loadable.contents).status === 404) return true;
  throw loadable.contents;
}

function ProcedureSearch() {
  const { t } = useEntryDictionary();
  const [query, setQuery] = useRecoilState(procedureSearchQueryState);
  const trimmed = query.trim();
  return (
    <>
      <SearchBox
        label={t('entry.notFound.procedureSearchLabel')}
        placeholder={t('entry.notFound.procedureSearchPlaceholder')}
        value={query}
        onChange={setQuery}
      />
      {trimmed && <ProcedureSearchResults query={trimmed} />}
    </>
  );
}

/** Checks that the link's office and procedure exist, then opens their page in place of this one. */
function ResolveEntry({ office, proc }: EntryCodes) {
  const { t } = useEntryDictionary();
  const settled = useRecoilValue(
    waitForAllSettled({
      ...(office ? { office: officeState(office) } : {}),
      ...(proc ? { procedure: procedureState(proc) } : {}),
    }),
  ) as { office?: Loadable<{ name: string }>; procedure?: Loadable<{ name: string }> };
  const officeLoadable = settled.office;
  const procedureLoadable = settled.procedure;
  const officeMissing = isMissing(officeLoadable);
  const procedureMissing = isMissing(procedureLoadable);
  const officeName = officeLoadable?.state === 'hasValue' ? officeLoadable.contents.name : null;
  const procedureName = procedureLoadable?.state === 'hasValue' ? procedureLoadable.contents.name : null;

  if (officeMissing) {
    return (
      <EntryNotFound
        unknown="office"
        search={<OfficeSearch />}
        links={
          proc &&
          procedureName && (
            <Link to={`/procedures/${encodeURIComponent(proc)}`} className="card-link card-link--standalone">
              <span className="card-body">
                <span className="card-title">{t('entry.notFound.openProcedure', { procedure: procedureName })}</span>
              </span>
              <ChevronIcon />
            </Link>
          )
        }
      />
    );
  }
  if (procedureMissing) {
    return (
      <EntryNotFound
        unknown="procedure"
        search={<ProcedureSearch />}
        links={
          office &&
          officeName && (
            <Link to={`/offices/${encodeURIComponent(office)}`} className="card-link card-link--standalone">
              <span className="card-body">
                <span className="card-title">{t('entry.notFound.officeProcedures', { office: officeName })}</span>
              </span>
              <ChevronIcon />
            </Link>
          )
        }
      />
    );
  }
  return <Navigate to={destinationPath({ office, proc })!} replace />;
}

/**
 * /open?office=…&proc=…: where a deep link or QR poster lands (features/entry). Known codes open the office's page,
 * the procedure's form with the office chosen, or the procedure's page; an unknown code gets a friendly page that
 * offers the search. Malformed values were already dropped; with nothing left, home.
 */
export default function EntryPage() {
  const [params] = useSearchParams();
  const { target } = parseEntryParams(params);
  const { office, proc } = target;
  const refresh = useRecoilCallback(({ refresh: refreshSelector }) => () => {
    if (office) refreshSelector(officeState(office));
    if (proc) refreshSelector(procedureState(proc));
  });
  if (target.application) return <Navigate to={destinationPath({ application: target.application })!} replace />;
  if (!office && !proc) return <Navigate to="/" replace />;
  return (
    <PageLayout showBack>
      <AsyncSection fallback={<DetailSkeleton />} onRetry={refresh}>
        <ResolveEntry office={office} proc={proc} />
      </AsyncSection>
    </PageLayout>
  );
}

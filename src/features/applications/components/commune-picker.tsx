import { useCallback, useState, type ReactNode } from 'react';
import { useSearch } from '@/lib/use-search';
import { searchOffices } from '../api/search-offices';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import type { OfficeChoice } from '../types';
import { describedBy, HelpAndError } from './field-help';

interface CommunePickerProps {
  id: string;
  label: ReactNode;
  help?: string;
  error?: string;
  /** The chosen unit code, or ''. */
  value: string;
  valueName?: string;
  /** Which kinds of office may be chosen. */
  types: readonly OfficeChoice['type'][];
  onChange: (office: OfficeChoice) => void;
}

/** Choose a commune or ward by name, including the names of the communes merged into it in 2025. */
export function CommunePicker({ id, label, help, error, value, valueName, types, onChange }: CommunePickerProps) {
  const { t } = useApplicationsDictionary();
  // Searching until an office is chosen, and again after "Chọn nơi khác". Derived from `value`, so an office chosen
  // after the first render (a QR poster's office, fetched by the form) shows as chosen.
  const [searching, setSearching] = useState(false);
  const describedById = describedBy(id, Boolean(help), Boolean(error));

  return (
    <div className={`field${error ? ' field--invalid' : ''}`} role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} className="field-label">
        {label}
      </p>
      {value && !searching ? (
        <div className="commune-chosen">
          <p id={id} tabIndex={-1} aria-describedby={describedById}>
            <span className="muted">{t('applications.commune.chosen')}: </span>
            <strong>{valueName ?? value}</strong>
          </p>
          <button type="button" className="button button--secondary" onClick={() => setSearching(true)}>
            {t('applications.commune.change')}
          </button>
        </div>
      ) : (
        <CommuneSearch
          id={id}
          describedBy={describedById}
          invalid={Boolean(error)}
          types={types}
          onChoose={(office) => {
            setSearching(false);
            onChange(office);
          }}
        />
      )}
      <HelpAndError id={id} help={help} error={error} />
    </div>
  );
}

function CommuneSearch({
  id,
  describedBy,
  invalid,
  types,
  onChoose,
}: {
  id: string;
  describedBy?: string;
  invalid: boolean;
  types: readonly OfficeChoice['type'][];
  onChoose: (office: OfficeChoice) => void;
}) {
  const { t } = useApplicationsDictionary();
  const [query, setQuery] = useState('');
  const fetcher = useCallback((q: string, signal: AbortSignal) => searchOffices(q, signal), []);
  const result = useSearch(query.trim(), fetcher);
  const offices = result.data?.items.filter((office) => types.includes(office.type)) ?? [];

  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('applications.commune.search')}
      </label>
      <div className="search-box">
        <input
          id={id}
          type="search"
          value={query}
          placeholder={t('applications.commune.search')}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div aria-live="polite">
        {result.status === 'loading' && <p className="muted">{t('applications.commune.loading')}</p>}
        {result.status === 'error' && (
          <p className="field-error">
            {result.error.message}{' '}
            <button type="button" className="button button--secondary" onClick={result.retry}>
              {t('applications.commune.retry')}
            </button>
          </p>
        )}
        {result.status === 'success' && offices.length === 0 && (
          <p className="muted">{t('applications.commune.noResults', { query })}</p>
        )}
      </div>
      {offices.length > 0 && (
        <ul className="card-list commune-results">
          {offices.map((office) => (
            <li key={office.code}>
              <button type="button" className="commune-option" onClick={() => onChoose(office)}>
                <span className="card-title">{office.unitName}</span>
                <span className="card-meta">{office.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

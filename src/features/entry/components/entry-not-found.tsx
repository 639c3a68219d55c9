import type { ReactNode } from 'react';
import { useEntryDictionary } from '../i18n/use-entry-dictionary';
import './entry.css';

interface EntryNotFoundProps {
  /** What the link named that the app does not know. */
  unknown: 'office' | 'procedure';
  /** The search to offer (the page composes the office or the procedure search). */
  search: ReactNode;
  /** Other ways on, such as the office's page when only the procedure was unknown. */
  links?: ReactNode;
}

/** A deep link or QR code with an office or procedure code that is not in the catalogue: say so, offer the search. */
export function EntryNotFound({ unknown, search, links }: EntryNotFoundProps) {
  const { t } = useEntryDictionary();
  return (
    <section className="entry-not-found" aria-labelledby="entry-not-found-title">
      <h1 id="entry-not-found-title" className="page-title">
        {t(unknown === 'office' ? 'entry.notFound.officeTitle' : 'entry.notFound.procedureTitle')}
      </h1>
      <p>{t(unknown === 'office' ? 'entry.notFound.officeBody' : 'entry.notFound.procedureBody')}</p>
      {search}
      {links}
    </section>
  );
}

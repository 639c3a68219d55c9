import { Suspense } from 'react';
import { Link } from 'react-router-dom';
import { useRecoilValueLoadable, useRecoilValue } from 'recoil';
import { procedureState } from '@/state/procedure-state';
import { formatDateTime } from '../format-dates';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { draftsInProgressState } from '../state/drafts-in-progress-state';
import type { ApplicationDraft } from '../types';
import './follow-up.css';

function DraftCard({ draft }: { draft: ApplicationDraft }) {
  const { t } = useApplicationsDictionary();
  // The name from the catalogue; the code while it loads or when the catalogue cannot be reached.
  const procedure = useRecoilValueLoadable(procedureState(draft.procedureCode));
  const name = procedure.state === 'hasValue' ? procedure.contents.name : draft.procedureCode;
  return (
    <li className="draft-card">
      <span className="card-body">
        <span className="card-title">{name}</span>
        {draft.office && <span className="card-meta">{draft.office.name}</span>}
        {draft.updatedAt && (
          <span className="card-meta">{t('applications.drafts.savedAt', { time: formatDateTime(draft.updatedAt) })}</span>
        )}
      </span>
      <Link
        className="button button--primary"
        to={`/procedures/${encodeURIComponent(draft.procedureCode)}/apply`}
        aria-label={t('applications.drafts.continueLabel', { procedure: name })}
      >
        {t('applications.drafts.continue')}
      </Link>
    </li>
  );
}

function DraftList({ visit }: { visit: number }) {
  const { t } = useApplicationsDictionary();
  const drafts = useRecoilValue(draftsInProgressState(visit));
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="drafts-heading" className="drafts">
      <h2 id="drafts-heading">{t('applications.drafts.title')}</h2>
      <p className="muted">{t('applications.drafts.lead')}</p>
      <ul className="card-list">
        {drafts.map((draft) => (
          <DraftCard key={draft.procedureCode} draft={draft} />
        ))}
      </ul>
    </section>
  );
}

/** "Hồ sơ đang làm dở": applications started on this phone and not yet submitted, with "Tiếp tục" into the form. */
export function DraftsInProgress({ visit }: { visit: number }) {
  return (
    <Suspense fallback={null}>
      <DraftList visit={visit} />
    </Suspense>
  );
}

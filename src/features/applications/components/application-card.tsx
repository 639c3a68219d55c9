import { Link } from 'react-router-dom';
import { ChevronIcon } from '@/components/icons';
import { formatDate } from '../format-dates';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { needsCitizenAction, statusLabel } from '../status-label';
import type { ApplicationSummary } from '../types';
import './follow-up.css';

/** One application in the Hồ sơ tab: procedure, plain status, code, due date, and what needs attention. */
export function ApplicationCard({ application }: { application: ApplicationSummary }) {
  const { t } = useApplicationsDictionary();
  const actionNeeded = needsCitizenAction(application);
  return (
    <li>
      <Link
        to={`/applications/${encodeURIComponent(application.id)}`}
        className={`card-link application-card${actionNeeded ? ' application-card--action' : ''}`}
      >
        <span className="card-body">
          <span className="card-title">{application.procedure.name}</span>
          <span className="application-card-status">{statusLabel(t, application)}</span>
          {(actionNeeded || application.overdue) && (
            <span className="application-card-badges">
              {actionNeeded && <span className="badge badge--action">{t('applications.list.needsAction')}</span>}
              {application.overdue && <span className="badge badge--overdue">{t('applications.list.overdue')}</span>}
            </span>
          )}
          <span className="card-meta">
            {application.receiptCode
              ? t('applications.list.receiptCode', { code: application.receiptCode })
              : t('applications.list.reference', { reference: application.reference })}
          </span>
          {application.dueAt && (
            <span className="card-meta">{t('applications.list.due', { date: formatDate(application.dueAt) })}</span>
          )}
        </span>
        <ChevronIcon />
      </Link>
    </li>
  );
}

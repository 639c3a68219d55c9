import { Link } from 'react-router-dom';
import { useRecoilValue } from 'recoil';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { myApplicationsState } from '../state/receipt-state';
import { ApplicationCard } from './application-card';

/** The citizen's submitted applications, those needing action first; or how to start one. */
export function MyApplications({ visit }: { visit: number }) {
  const { t } = useApplicationsDictionary();
  const applications = useRecoilValue(myApplicationsState(visit));
  if (applications.length === 0) {
    return (
      <div className="state-box">
        <p className="state-title">{t('applications.list.emptyTitle')}</p>
        <p>{t('applications.list.emptyBody')}</p>
        <Link to="/" className="button button--primary">
          {t('applications.list.findProcedure')}
        </Link>
      </div>
    );
  }
  return (
    <ul className="card-list" aria-labelledby="sent-applications-heading">
      {applications.map((application) => (
        <ApplicationCard key={application.id} application={application} />
      ))}
    </ul>
  );
}

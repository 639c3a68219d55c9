import { Link, useSearchParams } from 'react-router-dom';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';

/** "Nộp hồ sơ trực tuyến" on a procedure page; keeps `?office=` so a commune's QR poster pre-selects its office. */
export function StartApplicationLink({ procedureCode }: { procedureCode: string }) {
  const { t } = useApplicationsDictionary();
  const [params] = useSearchParams();
  const office = params.get('office');
  const search = office ? `?${new URLSearchParams({ office }).toString()}` : '';
  return (
    <p className="start-application">
      <Link className="button button--primary" to={`/procedures/${encodeURIComponent(procedureCode)}/apply${search}`}>
        {t('applications.start')}
      </Link>
    </p>
  );
}

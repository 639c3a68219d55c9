import { Link, useSearchParams } from 'react-router-dom';
import { useRecoilValue } from 'recoil';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { draftState, hasProgress } from '../state/draft-state';

/**
 * "Nộp hồ sơ trực tuyến" on a procedure page, or "Tiếp tục hồ sơ đang làm dở" when a draft is on the phone; keeps `?office=` so a commune's QR poster pre-selects its office. */
export function StartApplicationLink({ procedureCode }: { procedureCode: string }) {
  const { t } = useApplicationsDictionary();
  const [params] = useSearchParams();
  const draft = useRecoilValue(draftState(procedureCode));
  const office = params.get('office');
  const search = office ? `?${new URLSearchParams({ office }).toString()}` : '';
  return (
    <p className="start-application">
      <Link className="button button--primary" to={`/procedures/${encodeURIComponent(procedureCode)}/apply${search}`}>
        {hasProgress(draft) ? t('applications.continueDraft') : t('applications.start')}
      </Link>
    </p>
  );
}

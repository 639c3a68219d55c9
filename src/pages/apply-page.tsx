import { useParams, useSearchParams } from 'react-router-dom';
import { useRecoilRefresher_UNSTABLE } from 'recoil';
import { useTranslation } from 'react-i18next';
import { AsyncSection } from '@/components/async-section';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import { ApplicationForm } from '@/features/applications/components/application-form';
import { procedureState } from '@/state/procedure-state';

/** /procedures/:code/apply[?office=<unit code>]: the online application form of one procedure. */
export default function ApplyPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const [params] = useSearchParams();
  const refresh = useRecoilRefresher_UNSTABLE(procedureState(code));
  return (
    <PageLayout showBack>
      <AsyncSection
        fallback={<DetailSkeleton />}
        onRetry={refresh}
        notFound={<NotFound title={t('procedure.notFoundTitle')} body={t('procedure.notFoundBody')} />}
      >
        <ApplicationForm procedureCode={code} preselectedOffice={params.get('office')} />
      </AsyncSection>
    </PageLayout>
  );
}

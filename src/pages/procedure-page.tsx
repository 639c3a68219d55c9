import { useParams } from 'react-router-dom';
import { useRecoilRefresher_UNSTABLE } from 'recoil';
import { useTranslation } from 'react-i18next';
import { AsyncSection } from '@/components/async-section';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import { ProcedureDetails } from '@/features/catalog/components/procedure-details';
import { procedureState } from '@/features/catalog/state/catalog-state';

export default function ProcedurePage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const refresh = useRecoilRefresher_UNSTABLE(procedureState(code));
  return (
    <PageLayout showBack>
      <AsyncSection
        fallback={<DetailSkeleton />}
        onRetry={refresh}
        notFound={<NotFound title={t('procedure.notFoundTitle')} body={t('procedure.notFoundBody')} />}
      >
        <ProcedureDetails code={code} />
      </AsyncSection>
    </PageLayout>
  );
}

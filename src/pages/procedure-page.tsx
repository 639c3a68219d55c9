import { Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { useRecoilRefresher_UNSTABLE, useRecoilValue } from 'recoil';
import { useTranslation } from 'react-i18next';
import { AsyncSection } from '@/components/async-section';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import { ProcedureDetails } from '@/features/catalog/components/procedure-details';
import { StartApplicationLink } from '@/features/applications/components/start-application-link';
import { procedureState } from '@/state/procedure-state';

/** "Nộp hồ sơ trực tuyến" for procedures offered online, fully or in part. */
function ApplyOnline({ code }: { code: string }) {
  const { onlineLevel } = useRecoilValue(procedureState(code));
  if (onlineLevel !== 'full' && onlineLevel !== 'partial') return null;
  return (
    <Suspense fallback={null}>
      <StartApplicationLink procedureCode={code} />
    </Suspense>
  );
}

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
        <ApplyOnline code={code} />
      </AsyncSection>
    </PageLayout>
  );
}

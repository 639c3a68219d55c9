import { useLocation, useParams } from 'react-router-dom';
import { useRecoilRefresher_UNSTABLE, useRecoilValue } from 'recoil';
import { AsyncSection } from '@/components/async-section';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import type { ReceiptNavigationState } from '@/features/applications/components/application-form';
import { ReceiptView } from '@/features/applications/components/receipt-view';
import { useApplicationsDictionary } from '@/features/applications/i18n/use-applications-dictionary';
import { applicationReceiptState } from '@/features/applications/state/receipt-state';

function StoredReceipt({ id }: { id: string }) {
  const receipt = useRecoilValue(applicationReceiptState(id));
  return <ReceiptView receipt={receipt} />;
}

function ReceiptNotFound() {
  const { t } = useApplicationsDictionary();
  return <NotFound title={t('applications.receipt.notFoundTitle')} body={t('applications.receipt.notFoundBody')} />;
}

/** /applications/:id: the receipt; right after submission it shows what the proxy answered, without a new request. */
export default function ApplicationReceiptPage() {
  const id = useParams().id ?? '';
  const state = useLocation().state as ReceiptNavigationState | null;
  const refresh = useRecoilRefresher_UNSTABLE(applicationReceiptState(id));
  const fresh = state?.receipt?.id === id ? state : null;
  return (
    <PageLayout>
      <AsyncSection fallback={<DetailSkeleton />} onRetry={refresh} notFound={<ReceiptNotFound />}>
        {fresh ? <ReceiptView receipt={fresh.receipt} procedureName={fresh.procedureName} /> : <StoredReceipt id={id} />}
      </AsyncSection>
    </PageLayout>
  );
}

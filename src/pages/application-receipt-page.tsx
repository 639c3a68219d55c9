import { useLocation, useParams } from 'react-router-dom';
import { useRecoilRefresher_UNSTABLE, useRecoilValue } from 'recoil';
import { AsyncSection } from '@/components/async-section';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import type { ReceiptNavigationState } from '@/features/applications/types';
import { ReceiptView } from '@/features/applications/components/receipt-view';
import { useApplicationsDictionary } from '@/features/applications/i18n/use-applications-dictionary';
import { applicationReceiptState, usePageVisit } from '@/features/applications/state/receipt-state';
import { NotificationsOffer } from '@/features/notifications/components/notifications-offer';

function StoredApplication({ id, visit }: { id: string; visit: number }) {
  const application = useRecoilValue(applicationReceiptState({ id, visit }));
  return <ReceiptView receipt={application} notificationsOffer={<NotificationsOffer />} />;
}

function ReceiptNotFound() {
  const { t } = useApplicationsDictionary();
  return <NotFound title={t('applications.receipt.notFoundTitle')} body={t('applications.receipt.notFoundBody')} />;
}

/**
 * /applications/:id: the application, asked for afresh on every visit (the office may have acted meanwhile); right
 * after submission it shows what the proxy answered, without a new request.
 */
export default function ApplicationReceiptPage() {
  const id = useParams().id ?? '';
  const visit = usePageVisit();
  const state = useLocation().state as ReceiptNavigationState | null;
  const refresh = useRecoilRefresher_UNSTABLE(applicationReceiptState({ id, visit }));
  const fresh = state?.receipt?.id === id ? state : null;
  return (
    <PageLayout showBack>
      <AsyncSection fallback={<DetailSkeleton />} onRetry={refresh} notFound={<ReceiptNotFound />}>
        {fresh ? (
          <ReceiptView
            receipt={fresh.receipt}
            procedureName={fresh.procedureName}
            notificationsOffer={<NotificationsOffer />}
          />
        ) : (
          <StoredApplication id={id} visit={visit} />
        )}
      </AsyncSection>
    </PageLayout>
  );
}

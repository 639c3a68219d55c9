import { useSearchParams } from 'react-router-dom';
import { isReceiptCode } from '@lao-cai-so/domain/deep-link';
import { AsyncSection } from '@/components/async-section';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import { LookupForm } from '@/features/applications/components/lookup-form';
import { useApplicationsDictionary } from '@/features/applications/i18n/use-applications-dictionary';

function Lookup() {
  const { t } = useApplicationsDictionary();
  // ?code= comes from the QR scanner (features/entry); anything that is not a receipt code is not shown.
  const code = useSearchParams()[0].get('code')?.trim().toUpperCase() ?? '';
  return (
    <>
      <h1 className="page-title">{t('applications.lookup.title')}</h1>
      <p className="details-lead">{t('applications.lookup.lead')}</p>
      <LookupForm initialReceiptCode={isReceiptCode(code) ? code : ''} />
    </>
  );
}

/**
 * /lookup[?code=<receipt code>]: anyone, signed in or not, follows a dossier by its receipt code and the applicant's
 * phone.
 */
export default function LookupPage() {
  return (
    <PageLayout showBack>
      <AsyncSection fallback={<DetailSkeleton />} onRetry={() => undefined}>
        <Lookup />
      </AsyncSection>
    </PageLayout>
  );
}

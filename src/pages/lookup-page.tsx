import { AsyncSection } from '@/components/async-section';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import { LookupForm } from '@/features/applications/components/lookup-form';
import { useApplicationsDictionary } from '@/features/applications/i18n/use-applications-dictionary';

function Lookup() {
  const { t } = useApplicationsDictionary();
  return (
    <>
      <h1 className="page-title">{t('applications.lookup.title')}</h1>
      <p className="details-lead">{t('applications.lookup.lead')}</p>
      <LookupForm />
    </>
  );
}

/** /lookup: anyone, signed in or not, follows a dossier by its receipt code and the applicant's phone. */
export default function LookupPage() {
  return (
    <PageLayout showBack>
      <AsyncSection fallback={<DetailSkeleton />} onRetry={() => undefined}>
        <Lookup />
      </AsyncSection>
    </PageLayout>
  );
}

import { Link } from 'react-router-dom';
import { useRecoilRefresher_UNSTABLE } from 'recoil';
import { useTranslation } from 'react-i18next';
import { AsyncSection } from '@/components/async-section';
import { PageLayout } from '@/components/page-layout';
import { ListSkeleton } from '@/components/skeletons';
import { DraftsInProgress } from '@/features/applications/components/drafts-in-progress';
import { MyApplications } from '@/features/applications/components/my-applications';
import { useApplicationsDictionary } from '@/features/applications/i18n/use-applications-dictionary';
import { myApplicationsState, usePageVisit } from '@/features/applications/state/receipt-state';

function SentApplications({ visit }: { visit: number }) {
  const { t } = useApplicationsDictionary();
  const refresh = useRecoilRefresher_UNSTABLE(myApplicationsState(visit));
  return (
    <section aria-labelledby="sent-applications-heading">
      <h2 id="sent-applications-heading">{t('applications.list.sentTitle')}</h2>
      <AsyncSection fallback={<ListSkeleton rows={3} />} onRetry={refresh}>
        <MyApplications visit={visit} />
      </AsyncSection>
      <p>
        <Link to="/lookup" className="text-link">
          {t('applications.list.lookup')}
        </Link>
      </p>
    </section>
  );
}

/** The Hồ sơ tab: drafts in progress on this phone, then the citizen's applications (asked for on every visit). */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const visit = usePageVisit();
  return (
    <PageLayout>
      <h1 className="page-title">{t('applications.title')}</h1>
      <AsyncSection fallback={<ListSkeleton rows={3} />} onRetry={() => undefined}>
        <DraftsInProgress visit={visit} />
        <SentApplications visit={visit} />
      </AsyncSection>
    </PageLayout>
  );
}

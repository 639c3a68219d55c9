import { useParams } from 'react-router-dom';
import { useRecoilRefresher_UNSTABLE } from 'recoil';
import { useTranslation } from 'react-i18next';
import { AsyncSection } from '@/components/async-section';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';
import { DetailSkeleton } from '@/components/skeletons';
import { ProcedureList } from '@/features/catalog/components/procedure-list';
import { ApplyHere } from '@/features/entry/components/apply-here';
import { loadEntryDictionary } from '@/features/entry/i18n/use-entry-dictionary';
import { OfficeDetails } from '@/features/offices/components/office-details';
import { officeState } from '@/features/offices/state/offices-state';

// "Nộp hồ sơ tại đây" has its texts in the entry dictionary: fetch them alongside the office.
void loadEntryDictionary().catch(() => undefined);

export default function OfficePage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const refresh = useRecoilRefresher_UNSTABLE(officeState(code));
  return (
    <PageLayout showBack>
      <AsyncSection
        fallback={<DetailSkeleton />}
        onRetry={refresh}
        notFound={<NotFound title={t('offices.notFoundTitle')} body={t('offices.notFoundBody')} />}
      >
        <OfficeDetails
          code={code}
          renderProcedures={(procedures) => <ProcedureList procedures={procedures} label={t('offices.procedures')} />}
          renderActions={(office) => <ApplyHere office={office} procedures={office.procedures} />}
        />
      </AsyncSection>
    </PageLayout>
  );
}

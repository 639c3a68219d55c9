import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';
import { type AskedPurpose, ConsentScreen } from '@/features/profile/components/consent-screen';

const ASKED_PURPOSES: readonly string[] = ['profile', 'phone'] satisfies AskedPurpose[];

export default function ConsentPage() {
  const { t } = useTranslation();
  const purpose = useParams().purpose ?? '';
  return (
    <PageLayout showBack>
      {ASKED_PURPOSES.includes(purpose) ? (
        <ConsentScreen key={purpose} purpose={purpose as AskedPurpose} />
      ) : (
        <NotFound title={t('error.pageNotFoundTitle')} body={t('error.pageNotFoundBody')} />
      )}
    </PageLayout>
  );
}

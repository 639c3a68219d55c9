import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';
import { PageLayout } from '@/components/page-layout';

export default function ApplicationsPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <h1 className="page-title">{t('applications.title')}</h1>
      <ComingSoon />
    </PageLayout>
  );
}

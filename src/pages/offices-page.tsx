import { useTranslation } from 'react-i18next';
import { PageLayout } from '@/components/page-layout';
import { OfficeSearch } from '@/features/offices/components/office-search';

export default function OfficesPage() {
  const { t } = useTranslation();
  return (
    <PageLayout showBack>
      <h1 className="page-title">{t('offices.title')}</h1>
      <OfficeSearch />
    </PageLayout>
  );
}

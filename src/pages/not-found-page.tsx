import { useTranslation } from 'react-i18next';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PageLayout showBack>
      <NotFound title={t('error.pageNotFoundTitle')} body={t('error.pageNotFoundBody')} />
    </PageLayout>
  );
}

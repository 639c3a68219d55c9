import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';
import { PageLayout } from '@/components/page-layout';
import { LanguageSwitch } from '@/features/profile/components/language-switch';

export default function ProfilePage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <h1 className="page-title">{t('profile.title')}</h1>
      <ComingSoon />
      <section aria-labelledby="settings-heading" className="settings">
        <h2 id="settings-heading">{t('profile.settings')}</h2>
        <LanguageSwitch />
      </section>
    </PageLayout>
  );
}

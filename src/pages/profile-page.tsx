import { useTranslation } from 'react-i18next';
import { DetailSkeleton } from '@/components/skeletons';
import { PageLayout } from '@/components/page-layout';
import { NotificationSettingsSection } from '@/features/notifications/components/notification-settings';
import { DemoCitizenSwitch } from '@/features/profile/components/demo-citizen-switch';
import { LanguageSwitch } from '@/features/profile/components/language-switch';
import { MyData } from '@/features/profile/components/my-data';
import { SignedOutCard } from '@/features/profile/components/signed-out-card';
import { ACCOUNT_NS } from '@/features/profile/i18n';
import { useMyDataVersion } from '@/features/profile/state/use-my-data';
import { useSession } from '@/state/use-session';
import { isZaloSandbox } from '@/lib/zalo';

export default function ProfilePage() {
  const { t } = useTranslation();
  const session = useSession();
  const myDataVersion = useMyDataVersion();
  return (
    <PageLayout>
      <h1 className="page-title">{t('profile.title')}</h1>
      {session.status === 'signing-in' && (
        <>
          <p className="muted">{t('session.signingIn', { ns: ACCOUNT_NS })}</p>
          <DetailSkeleton />
        </>
      )}
      {session.status === 'signed-out' && <SignedOutCard reason={session.reason} />}
      {session.status === 'signed-in' && <MyData citizenId={session.citizenId} />}
      {isZaloSandbox && <DemoCitizenSwitch />}
      <section aria-labelledby="settings-heading" className="settings">
        <h2 id="settings-heading">{t('profile.settings')}</h2>
        <LanguageSwitch />
        {session.status !== 'signing-in' && (
          <NotificationSettingsSection
            citizenId={session.status === 'signed-in' ? session.citizenId : null}
            reloadKey={myDataVersion}
          />
        )}
      </section>
    </PageLayout>
  );
}

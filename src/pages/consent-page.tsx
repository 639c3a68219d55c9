import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { NotFound } from '@/components/not-found';
import { PageLayout } from '@/components/page-layout';
import { requestedChannels, turnOnChannels } from '@/features/notifications/state/turn-on-channels';
import { type AskedPurpose, ConsentScreen } from '@/features/profile/components/consent-screen';
import { grantNotificationsConsent } from '@/features/profile/state/consent-flows';

const ASKED_PURPOSES: readonly string[] = ['profile', 'phone', 'notifications'] satisfies AskedPurpose[];

export default function ConsentPage() {
  const { t } = useTranslation();
  const purpose = useParams().purpose ?? '';
  const { state } = useLocation();
  // Notifications are agreed to in order to turn channels on (Cá nhân, the receipt's offer): Zalo's prompt, the
  // consent, then the channels, in one tap.
  const grant =
    purpose === 'notifications' ? () => turnOnChannels(requestedChannels(state), grantNotificationsConsent) : undefined;
  return (
    <PageLayout showBack>
      {ASKED_PURPOSES.includes(purpose) ? (
        <ConsentScreen key={purpose} purpose={purpose as AskedPurpose} grant={grant} />
      ) : (
        <NotFound title={t('error.pageNotFoundTitle')} body={t('error.pageNotFoundBody')} />
      )}
    </PageLayout>
  );
}

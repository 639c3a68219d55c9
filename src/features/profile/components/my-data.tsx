import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { DetailSkeleton } from '@/components/skeletons';
import { ACCOUNT_NS } from '../i18n';
import { useMyData } from '../state/use-my-data';
import { AccountCard } from './account-card';
import { DeleteMyData } from './delete-my-data';
import { PhoneSection } from './phone-section';
import { PrivacySection } from './privacy-section';

/** Everything the proxy holds about the signed-in citizen, and what they can do with it. */
export function MyData({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation(ACCOUNT_NS);
  const result = useMyData(citizenId);
  if (result.status === 'loading') return <DetailSkeleton />;
  if (result.status === 'error') return <ErrorState message={result.error.message} onRetry={result.reload} />;
  const { me, consents } = result.data;
  return (
    <>
      <section aria-label={t('account.heading')}>
        <AccountCard me={me} />
      </section>
      <PhoneSection phone={me.phone} />
      <PrivacySection consents={consents} onChanged={result.reload} />
      <DeleteMyData />
    </>
  );
}

import { useRecoilRefresher_UNSTABLE } from 'recoil';
import { useTranslation } from 'react-i18next';
import { AsyncSection } from '@/components/async-section';
import { PageLayout } from '@/components/page-layout';
import { ListSkeleton } from '@/components/skeletons';
import { NotificationInbox } from '@/features/notifications/components/notification-inbox';
import { NOTIFICATIONS_NS } from '@/features/notifications/i18n';
import { inboxState, useInboxVisit } from '@/features/notifications/state/inbox-state';
import { SignedOutCard } from '@/features/profile/components/signed-out-card';
import { useSession } from '@/state/use-session';

function Inbox({ citizenId }: { citizenId: string }) {
  const visit = useInboxVisit();
  const refresh = useRecoilRefresher_UNSTABLE(inboxState({ citizenId, visit }));
  return (
    <AsyncSection fallback={<ListSkeleton rows={4} />} onRetry={refresh}>
      <NotificationInbox key={`${citizenId}:${visit}`} citizenId={citizenId} visit={visit} />
    </AsyncSection>
  );
}

/** The Thông báo tab: every notification about the citizen's dossiers, newest first (asked for on every visit). */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <PageLayout>
      <h1 className="page-title">{t('notifications.title')}</h1>
      {session.status === 'signing-in' && <ListSkeleton rows={4} />}
      {session.status === 'signed-out' && (
        <>
          <p>{t('list.signedOutLead', { ns: NOTIFICATIONS_NS })}</p>
          <SignedOutCard reason={session.reason} />
        </>
      )}
      {session.status === 'signed-in' && <Inbox citizenId={session.citizenId} />}
    </PageLayout>
  );
}

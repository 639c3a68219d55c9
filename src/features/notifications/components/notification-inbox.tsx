import './notifications.css';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useRecoilValue } from 'recoil';
import { useTranslation } from 'react-i18next';
import { ChevronIcon } from '@/components/icons';
import { toApiError } from '@/lib/api-client';
import { notify } from '@/lib/notify';
import { listNotifications } from '../api/list-notifications';
import { markAllNotificationsRead } from '../api/mark-all-notifications-read';
import { markNotificationRead } from '../api/mark-notification-read';
import { absoluteTime, relativeTime } from '../format-time';
import { NOTIFICATIONS_NS } from '../i18n';
import { inboxState } from '../state/inbox-state';
import { refreshUnreadCount, setUnreadCount } from '@/state/unread-count';
import type { InboxNotification } from '../types';

function NotificationCard({ notification, onOpen }: { notification: InboxNotification; onOpen: () => void }) {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const unread = notification.readAt === null;
  return (
    <li>
      <Link
        to={`/applications/${encodeURIComponent(notification.applicationId)}`}
        className={`card-link notification-card${unread ? ' notification-card--unread' : ''}`}
        onClick={onOpen}
      >
        <span className="card-body">
          {unread && <span className="badge badge--unread">{t('list.unread')}</span>}
          <span className="card-title">{notification.title}</span>
          <span>{notification.procedureName}</span>
          <span className="card-meta">
            {notification.receiptCode
              ? t('list.receiptCode', { code: notification.receiptCode })
              : t('list.noReceiptCode')}
          </span>
          <time className="card-meta" dateTime={notification.createdAt} title={absoluteTime(t, notification.createdAt)}>
            {relativeTime(t, notification.createdAt)}
          </time>
        </span>
        <ChevronIcon />
      </Link>
    </li>
  );
}

/**
 * The citizen's notifications, newest first, unread ones marked. Tapping one opens its dossier and marks it read
 * (without waiting for the proxy: the dossier page is what the citizen came for).
 */
export function NotificationInbox({ citizenId, visit }: { citizenId: string; visit: number }) {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const first = useRecoilValue(inboxState({ citizenId, visit }));
  const [items, setItems] = useState(first.items);
  const [total, setTotal] = useState(first.total);
  const [page, setPage] = useState(first.page);
  const [unread, setUnread] = useState(first.unreadCount);
  const [busy, setBusy] = useState<'mark-all' | 'more' | null>(null);

  useEffect(() => setUnreadCount(first.unreadCount), [first]);

  const open = (notification: InboxNotification) => {
    if (notification.readAt !== null) return;
    const readAt = new Date().toISOString();
    setItems((current) => current.map((item) => (item.id === notification.id ? { ...item, readAt } : item)));
    setUnread((count) => Math.max(0, count - 1));
    setUnreadCount(Math.max(0, unread - 1));
    // The proxy's count is the truth once it has recorded the read (or failed to).
    markNotificationRead(notification.id).then(refreshUnreadCount, refreshUnreadCount);
  };

  const markAll = async () => {
    setBusy('mark-all');
    try {
      const { unreadCount } = await markAllNotificationsRead();
      const readAt = new Date().toISOString();
      setItems((current) => current.map((item) => (item.readAt === null ? { ...item, readAt } : item)));
      setUnread(unreadCount);
      setUnreadCount(unreadCount);
      notify({ text: t('list.markedAll'), type: 'success' });
    } catch (error) {
      notify({ text: toApiError(error).message, type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const showMore = async () => {
    setBusy('more');
    try {
      const next = await listNotifications({ page: page + 1 });
      setItems((current) => [...current, ...next.items.filter((item) => !current.some(({ id }) => id === item.id))]);
      setPage(next.page);
      setTotal(next.total);
      setUnread(next.unreadCount);
      setUnreadCount(next.unreadCount);
    } catch (error) {
      notify({ text: toApiError(error).message, type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  if (items.length === 0) {
    return (
      <div className="state-box">
        <p className="state-title">{t('list.emptyTitle')}</p>
        <p>{t('list.emptyBody')}</p>
        <SettingsLink />
      </div>
    );
  }

  return (
    <>
      <div className="inbox-summary">
        <p>{unread > 0 ? t('list.unreadSummary', { count: unread }) : t('list.allRead')}</p>
        {unread > 0 && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void markAll()}
            disabled={busy !== null}
          >
            {t('list.markAll')}
          </button>
        )}
      </div>
      <ul className="card-list" aria-label={t('list.label')}>
        {items.map((notification) => (
          <NotificationCard key={notification.id} notification={notification} onOpen={() => open(notification)} />
        ))}
      </ul>
      {items.length < total && (
        <p>
          <button
            type="button"
            className="button button--secondary inbox-more"
            onClick={() => void showMore()}
            disabled={busy !== null}
          >
            {t('list.more')}
          </button>
        </p>
      )}
      <SettingsLink />
    </>
  );
}

function SettingsLink() {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  return (
    <Link to="/profile" className="card-link card-link--standalone inbox-settings-link">
      <span className="card-body">
        <span className="card-title">{t('list.settingsLink')}</span>
        <span className="card-meta">{t('list.settingsHint')}</span>
      </span>
      <ChevronIcon />
    </Link>
  );
}

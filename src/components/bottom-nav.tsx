import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { BottomNavigation } from 'zmp-ui';
import { useUnreadCount } from '@/state/unread-count';
import { BellIcon, FolderIcon, HomeIcon, UserIcon } from './icons';

interface Tab {
  path: string;
  labelKey: string;
  icon: ReactNode;
}

const TABS: Tab[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeIcon /> },
  { path: '/applications', labelKey: 'nav.applications', icon: <FolderIcon /> },
  { path: '/notifications', labelKey: 'nav.notifications', icon: <BellIcon /> },
  { path: '/profile', labelKey: 'nav.profile', icon: <UserIcon /> },
];

/** Pages below a tab (a procedure, an office) keep their tab highlighted; everything else belongs to home. */
function activeTab(pathname: string): string {
  return TABS.find((tab) => tab.path !== '/' && pathname.startsWith(tab.path))?.path ?? '/';
}

export function BottomNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  return (
    <nav aria-label={t('nav.label')} className="bottom-nav">
      <BottomNavigation fixed activeKey={activeTab(pathname)}>
        {TABS.map((tab) => {
          const count = tab.path === '/notifications' ? unread : 0;
          return (
            <BottomNavigation.Item
              key={tab.path}
              itemKey={tab.path}
              label={
                count ? (
                  <>
                    <span aria-hidden="true">{t(tab.labelKey)}</span>
                    <span className="visually-hidden">{t('nav.withUnread', { label: t(tab.labelKey), count })}</span>
                  </>
                ) : (
                  t(tab.labelKey)
                )
              }
              icon={
                count ? (
                  <>
                    {tab.icon}
                    <span className="nav-badge" aria-hidden="true">
                      {count > 99 ? '99+' : count}
                    </span>
                  </>
                ) : (
                  tab.icon
                )
              }
              // Per item rather than onChange: "Trang chủ" must also lead back home from a procedure page.
              onClick={() => pathname !== tab.path && navigate(tab.path)}
            />
          );
        })}
      </BottomNavigation>
    </nav>
  );
}
